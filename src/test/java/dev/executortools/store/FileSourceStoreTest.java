package dev.executortools.store;

import static dev.executortools.store.StoreFixtures.LITERAL_TOKEN;
import static dev.executortools.store.StoreFixtures.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.executortools.CredentialValue;
import dev.executortools.StoreProblem;
import dev.executortools.home.HomeLock;
import dev.executortools.home.PrivateFiles;
import dev.executortools.home.StoreException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSourceStoreTest {
  @TempDir Path temp;

  private Path home() {
    return temp.resolve("home");
  }

  @Test
  void sourcesPutByOneStoreAreLoadedEquallyByAnotherStoreOnTheSameHome() {
    StoredSource pets = source("pets", 6);
    StoredSource shop =
        source("shop", 3)
            .refreshed(
                source("shop", 3).config(), List.of(), Instant.parse("2025-06-01T00:00:00Z"));
    new FileSourceStore(home()).put(shop);
    new FileSourceStore(home()).put(pets);

    FileSourceStore other = new FileSourceStore(home());
    LoadReport report = other.loadAll();

    assertThat(report.problems()).isEmpty();
    assertThat(report.sources()).containsExactly(pets, shop);
    assertThat(other.get("pets")).contains(pets);
    assertThat(other.get("pets").orElseThrow().tools()).hasSize(6);
    assertThat(other.load()).isEqualTo(report.sources());
  }

  @Test
  void sourceFilesKeepSecretReferencesAndNeverSecretValues() throws Exception {
    FileSecretStore secrets = new FileSecretStore(home());
    secrets.set("gh_token", "ghp_SECRET_VALUE_123");
    FileSourceStore store = new FileSourceStore(home());
    store.put(source("pets", 2));

    String stored = Files.readString(store.fileOf("pets"));
    assertThat(stored).doesNotContain("ghp_SECRET_VALUE_123").contains("\"secretId\":\"gh_token\"");
    assertThat(store.get("pets").orElseThrow().config().headers().get("Authorization"))
        .isEqualTo(new CredentialValue.SecretRef("gh_token", "Bearer "));
  }

  @Test
  void sourceFilesAreCompactWithAFormatVersionFirst() throws Exception {
    FileSourceStore store = new FileSourceStore(home());
    store.put(source("pets", 4));

    String stored = Files.readString(store.fileOf("pets"));
    assertThat(stored).startsWith("{\"formatVersion\":4,\"namespace\":\"pets\"");
    assertThat(stored).doesNotContain("\n").doesNotContain(": ");
  }

  @Test
  void aSourceOfTwentyTwoThousandToolsIsStoredAndReadBackWhole() {
    FileSourceStore store = new FileSourceStore(home());
    StoredSource big = source("big", 22_000);
    store.put(big);

    StoredSource loaded = new FileSourceStore(home()).get("big").orElseThrow();
    assertThat(loaded.tools()).hasSize(22_000);
    assertThat(loaded).isEqualTo(big);
  }

  @Test
  void putReplacesASourceAndRemoveDeletesIt() {
    FileSourceStore store = new FileSourceStore(home());
    store.put(source("pets", 2));
    StoredSource replaced = source("pets", 5);
    store.put(replaced);

    assertThat(store.get("pets")).contains(replaced);
    assertThat(store.remove("pets")).isTrue();
    assertThat(store.remove("pets")).isFalse();
    assertThat(store.get("pets")).isEmpty();
    assertThat(store.loadAll().sources()).isEmpty();
  }

  @Test
  void putIfAbsentKeepsTheSourceThatIsAlreadyThere() {
    FileSourceStore store = new FileSourceStore(home());
    StoredSource first = source("pets", 1);

    assertThat(store.putIfAbsent(first)).isTrue();
    assertThat(store.putIfAbsent(source("pets", 3))).isFalse();
    assertThat(store.get("pets")).contains(first);
  }

  @Test
  void anEmptyOrMissingHomeLoadsNothingAndCreatesNothing() {
    FileSourceStore store = new FileSourceStore(home());

    assertThat(store.loadAll()).isEqualTo(new LoadReport(List.of(), List.of()));
    assertThat(store.get("pets")).isEmpty();
    assertThat(store.remove("pets")).isFalse();
    assertThat(home()).doesNotExist();
  }

  @Test
  void namespacesThatAreNotFileSafeAreNeitherReadNorRemoved() throws Exception {
    FileSourceStore store = new FileSourceStore(home());
    store.put(source("pets", 1));
    Files.writeString(home().resolve("outside.json"), "{}");

    assertThat(store.get("../outside")).isEmpty();
    assertThat(store.remove("../outside")).isFalse();
    assertThat(home().resolve("outside.json")).exists();
  }

  @Test
  void aTruncatedAndAGarbageFileAreReportedWhileTheOthersLoadAndNothingIsDeleted()
      throws Exception {
    FileSourceStore store = new FileSourceStore(home());
    StoredSource good = source("good", 3);
    store.put(good);
    store.put(source("cut", 3));
    store.put(source("junk", 3));
    byte[] whole = Files.readAllBytes(store.fileOf("cut"));
    byte[] half = Arrays.copyOf(whole, whole.length / 2);
    Files.write(store.fileOf("cut"), half);
    byte[] garbage =
        ("{\"formatVersion\":2,\"x\": " + LITERAL_TOKEN + " ~~~").getBytes(StandardCharsets.UTF_8);
    Files.write(store.fileOf("junk"), garbage);

    LoadReport report = new FileSourceStore(home()).loadAll();

    assertThat(report.sources()).containsExactly(good);
    assertThat(report.problems())
        .extracting(StoreProblem::namespace)
        .containsExactly("cut", "junk");
    assertThat(report.problems().get(0).message())
        .contains("cut.json", "is damaged", "ends early", "left in place");
    assertThat(report.problems().get(1).message())
        .contains("junk.json", "is damaged", "not valid JSON at line 1");
    assertThat(report.problems())
        .allSatisfy(p -> assertThat(p.message()).doesNotContain(LITERAL_TOKEN));
    assertThat(Files.readAllBytes(store.fileOf("cut"))).isEqualTo(half);
    assertThat(Files.readAllBytes(store.fileOf("junk"))).isEqualTo(garbage);
  }

  @Test
  void getOfADamagedSourceFailsClearlyAndItsNamespaceStaysTaken() throws Exception {
    FileSourceStore store = new FileSourceStore(home());
    store.put(source("cut", 2));
    Files.writeString(store.fileOf("cut"), "{\"formatVersion\":2,\"namespace\":");

    assertThatThrownBy(() -> store.get("cut"))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("cut.json is damaged");
    assertThat(store.putIfAbsent(source("cut", 1))).isFalse();
    assertThat(store.remove("cut")).isTrue();
    assertThat(store.putIfAbsent(source("cut", 1))).isTrue();
  }

  @Test
  void wellFormedFilesOfTheWrongShapeOrANewerFormatAreReported() throws Exception {
    FileSourceStore store = new FileSourceStore(home());
    store.put(source("pets", 1));
    String pets = Files.readString(store.fileOf("pets"));
    Files.writeString(
        store.fileOf("newer"),
        pets.replace(
            "\"formatVersion\":4,\"namespace\":\"pets\"",
            "\"formatVersion\":5,\"namespace\":\"newer\""));
    Files.writeString(store.fileOf("moved"), pets);
    Files.writeString(store.fileOf("counted"), pets.replace("\"toolCount\":1", "\"toolCount\":2"));
    Files.writeString(store.fileOf("Bad-Name"), pets);

    LoadReport report = store.loadAll();

    assertThat(report.sources()).extracting(StoredSource::namespace).containsExactly("pets");
    assertThat(report.problems())
        .extracting(StoreProblem::namespace, p -> p.message().contains("is damaged"))
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("Bad-Name.json", false),
            org.assertj.core.groups.Tuple.tuple("counted", true),
            org.assertj.core.groups.Tuple.tuple("moved", true),
            org.assertj.core.groups.Tuple.tuple("newer", true));
    assertThat(message(report, "newer")).contains("format version 5 is not supported");
    assertThat(message(report, "moved")).contains("holds namespace \"pets\", not \"moved\"");
    assertThat(message(report, "counted")).contains("holds 1 tools where toolCount says 2");
  }

  @Test
  void tempFilesLeftByADeadWriterAreIgnoredAndCleanedByTheNextWrite() throws Exception {
    FileSourceStore store = new FileSourceStore(home());
    store.put(source("pets", 1));
    Path leftover = home().resolve("sources").resolve(".pets.json.1234" + PrivateFiles.TEMP_SUFFIX);
    Files.writeString(leftover, "{\"formatVersion\":2,\"namesp");

    assertThat(store.loadAll().problems()).isEmpty();
    store.put(source("shop", 1));
    assertThat(leftover).doesNotExist();
  }

  @Test
  void directoriesAreOwnerOnlyAndFilesOwnerReadWrite() throws Exception {
    assumeThat(PrivateFiles.posix(temp)).isTrue();
    FileSourceStore store = new FileSourceStore(home());
    store.put(source("pets", 1));

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home())))
        .isEqualTo("rwx------");
    assertThat(
            PosixFilePermissions.toString(Files.getPosixFilePermissions(home().resolve("sources"))))
        .isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.fileOf("pets"))))
        .isEqualTo("rw-------");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(home().resolve(HomeLock.FILE_NAME))))
        .isEqualTo("rw-------");
  }

  private static String message(LoadReport report, String namespace) {
    return report.problems().stream()
        .filter(p -> p.namespace().equals(namespace))
        .findFirst()
        .orElseThrow()
        .message();
  }
}
