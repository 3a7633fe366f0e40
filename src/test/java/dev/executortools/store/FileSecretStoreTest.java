package dev.executortools.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.executortools.home.PrivateFiles;
import dev.executortools.home.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSecretStoreTest {
  private static final String VALUE = "ghp_Sup3rS3cretValue";

  @TempDir Path home;

  @Test
  void setSecretsAreFoundByAnotherStoreOnTheSameHome() {
    new FileSecretStore(home).set("gh_token", VALUE);

    assertThat(new FileSecretStore(home).secret("gh_token")).contains(VALUE);
    assertThat(new FileSecretStore(home).secret("other")).isEmpty();
  }

  @Test
  void namesAreListedSortedAndWithoutValues() {
    FileSecretStore secrets = new FileSecretStore(home);
    secrets.set("b_key", VALUE);
    secrets.set("a_key", "v2");

    assertThat(secrets.names()).containsExactly("a_key", "b_key");
    assertThat(secrets.names().toString()).doesNotContain(VALUE);
    assertThat(secrets.toString()).doesNotContain(VALUE).contains("secrets.json");
  }

  @Test
  void setReplacesAndRemoveForgets() {
    FileSecretStore secrets = new FileSecretStore(home);
    secrets.set("k", "one");
    secrets.set("k", "two");

    assertThat(secrets.secret("k")).contains("two");
    assertThat(secrets.remove("k")).isTrue();
    assertThat(secrets.remove("k")).isFalse();
    assertThat(secrets.secret("k")).isEmpty();
    assertThat(secrets.names()).isEmpty();
  }

  @Test
  void anEmptyHomeHasNoSecrets() {
    FileSecretStore secrets = new FileSecretStore(home.resolve("none"));

    assertThat(secrets.names()).isEmpty();
    assertThat(secrets.secret("x")).isEmpty();
    assertThat(secrets.remove("x")).isFalse();
  }

  @Test
  void secretNamesAreCheckedAndTheMessageNeverHoldsTheValue() {
    assertThatThrownBy(() -> new FileSecretStore(home).set("bad name", VALUE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad name")
        .hasMessageNotContaining(VALUE);
  }

  @Test
  void theSecretsFileIsOwnerReadWriteOnly() throws Exception {
    assumeThat(PrivateFiles.posix(home)).isTrue();
    new FileSecretStore(home).set("k", VALUE);

    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(home.resolve("secrets.json"))))
        .isEqualTo("rw-------");
  }

  @Test
  void anEmptySecretsFileIsReportedAsDamaged() throws Exception {
    Files.writeString(home.resolve("secrets.json"), "");

    assertThatThrownBy(() -> new FileSecretStore(home).names())
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("secrets.json is damaged: it is empty");
  }

  @Test
  void aDamagedSecretsFileIsReportedWithoutItsContentAndLeftInPlace() throws Exception {
    Path file = home.resolve("secrets.json");
    String damaged = "{\"formatVersion\":1,\"secrets\":{\"k\": " + VALUE + "}}";
    Files.writeString(file, damaged);
    FileSecretStore secrets = new FileSecretStore(home);

    assertThatThrownBy(() -> secrets.secret("k"))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("secrets.json is damaged: it is not valid JSON at line 1, column")
        .hasMessageNotContaining(VALUE);
    assertThatThrownBy(() -> secrets.set("other", "v")).isInstanceOf(StoreException.class);
    assertThat(Files.readString(file)).isEqualTo(damaged);
  }
}
