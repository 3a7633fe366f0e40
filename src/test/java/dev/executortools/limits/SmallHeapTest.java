package dev.executortools.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.internal.Json;
import dev.executortools.internal.Limits;
import dev.executortools.testing.CliProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The limits hold in a 512 MB heap: the command line, run as a separate JVM with {@code -Xmx512m},
 * refuses 50 MB of nested lists, and 11 MB of operations that each reference the same long
 * parameter descriptions (both ran out of memory before), with a JSON error naming the limit, and
 * the home keeps working.
 */
class SmallHeapTest {
  @TempDir Path dir;

  private CliProcess cli(String... args) throws Exception {
    List<String> withHome = new ArrayList<>(List.of("--home", dir.resolve("home").toString()));
    withHome.addAll(List.of(args));
    return CliProcess.run(dir, List.of("-Xmx512m"), withHome.toArray(String[]::new));
  }

  @Test
  @Timeout(300)
  void fiftyMegabytesOfNestedListsAreRefusedWithinFiveHundredTwelveMegabytes() throws Exception {
    Path spec = dir.resolve("lists.json");
    Files.writeString(spec, Shapes.nestedLists(50 << 20, true), StandardCharsets.UTF_8);

    CliProcess run = cli("call", "openapi.previewSpec", "--arg-file", "spec=" + spec);

    assertThat(run.err()).doesNotContain("OutOfMemoryError", "\tat ");
    assertThat(run.exit()).as(run.err()).isEqualTo(1);
    JsonNode error = Json.parse(run.out()).path("error");
    assertThat(error.path("code").stringValue()).isEqualTo("openapi_parse_failed");
    assertThat(error.path("message").stringValue())
        .contains(String.format("%,d values", Limits.MAX_NODES));
    assertThat(cli("tools", "list").exit()).isZero();
  }

  @Test
  @Timeout(300)
  void elevenMegabytesOfSharedParameterDescriptionsAreRefusedWithinFiveHundredTwelveMegabytes()
      throws Exception {
    // 1,500 operations × 40 parameters × a 200 KB description: before, each tool kept its own
    // copy of each (cut to 4,000 characters in its schema, whole in its binding): out of memory.
    Path spec = dir.resolve("shared.yaml");
    Files.writeString(
        spec, Shapes.sharedParameters(1_500, 40, 200_000, false), StandardCharsets.UTF_8);
    Path small = dir.resolve("small.yaml");
    Files.writeString(small, HostileHome.SMALL_SPEC, StandardCharsets.UTF_8);
    assertThat(add("kept", small).exit()).isZero();
    Path kept = dir.resolve("home/sources/kept.json");
    byte[] before = Files.readAllBytes(kept);

    CliProcess run = add("shared", spec);

    assertThat(run.err()).doesNotContain("OutOfMemoryError", "\tat ");
    assertThat(run.exit()).as(run.out()).isEqualTo(1);
    JsonNode error = Json.parse(run.out()).path("error");
    assertThat(error.path("code").stringValue()).isEqualTo("openapi_parse_failed");
    assertThat(error.path("message").stringValue())
        .contains(String.format("%,d characters", Limits.MAX_SOURCE_DESCRIPTION_CHARS));
    assertThat(dir.resolve("home/sources/shared.json")).doesNotExist();
    assertThat(Files.readAllBytes(kept)).isEqualTo(before);
    assertThat(cli("tools", "list").out()).contains("\"kept.");
  }

  private CliProcess add(String namespace, Path spec) throws Exception {
    return cli(
        "call",
        "--yes",
        "openapi.addSource",
        "{\"namespace\": \"" + namespace + "\"}",
        "--arg-file",
        "spec=" + spec);
  }
}
