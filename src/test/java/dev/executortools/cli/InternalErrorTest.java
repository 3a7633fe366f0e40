package dev.executortools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.internal.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** A failure no command expects, out of memory included, is an internal_error value, exit 1. */
class InternalErrorTest {
  @TempDir Path dir;

  @Test
  @Timeout(180)
  void runningOutOfMemoryIsAnInternalErrorValueWithoutAStackTrace() throws Exception {
    Path err = dir.resolve("err.txt");
    Process child =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx24m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    Main.class.getName(),
                    "--home",
                    dir.resolve("home").toString(),
                    "call",
                    "--yes",
                    "openapi.addSource",
                    "--arg-file",
                    "spec=src/test/resources/corpus/stripe.com__2020-08-27.openapi.yaml",
                    "{\"namespace\": \"stripe\"}"))
            .redirectError(err.toFile())
            .start();
    String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(150, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).isEqualTo(1);
    JsonNode result = Json.parse(out);
    assertThat(result.path("ok").asBoolean()).isFalse();
    assertThat(result.path("error").path("code").asString()).isEqualTo("internal_error");
    assertThat(result.path("error").path("message").asString())
        .startsWith("out of memory")
        .doesNotContain("\n");
    assertThat(Files.readString(err)).doesNotContain("\tat ");
  }
}
