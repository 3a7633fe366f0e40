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
 * refuses 50 MB of nested lists (which ran out of memory before) with a JSON error naming the
 * limit, and the home keeps working.
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
}
