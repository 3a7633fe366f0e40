package dev.executortools.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.ToolRegistry;
import dev.executortools.internal.Json;
import dev.executortools.testing.CliProcess;
import dev.executortools.testing.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A stored source too large for the heap a command is given is reported as that, with what to do,
 * never as a damaged file (which would send the user to delete a good one), and stays as it was.
 */
class HeapTooSmallTest {
  @TempDir Path dir;

  @Test
  @Timeout(120)
  void aSourceTooLargeForTheHeapIsNotCalledDamaged() throws Exception {
    Path home = dir.resolve("home");
    try (ToolRegistry registry = ToolRegistry.builder().home(home).build()) {
      assertThat(
              registry
                  .addSource(
                      Json.object()
                          .put("namespace", "stripe")
                          .put("spec", Corpus.read("stripe.com__2020-08-27.openapi.yaml")))
                  .ok())
          .isTrue();
    }
    Path file = home.resolve("sources/stripe.json");
    byte[] before = Files.readAllBytes(file);

    CliProcess run =
        CliProcess.run(
            dir,
            List.of("-XX:+UseSerialGC", "-Xmx24m"),
            "--home",
            home.toString(),
            "sources",
            "refresh",
            "stripe");

    assertThat(run.exit()).isEqualTo(1);
    JsonNode error = Json.parse(run.out()).path("error");
    assertThat(error.path("code").stringValue()).isEqualTo("store_failed");
    assertThat(error.path("message").stringValue())
        .contains("does not fit in this JVM's heap", "larger heap")
        .doesNotContain("damaged");
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
  }
}
