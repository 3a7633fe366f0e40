package dev.executortools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.internal.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The README's launcher, {@code bin/executor-tools}, on the packaged jar (run by failsafe after
 * {@code package}): the first run makes the class-data-sharing archive next to a copy of the jar,
 * and every run prints what {@code java -jar} prints.
 */
class LauncherIT {
  @TempDir Path dir;

  @Test
  @Timeout(180)
  void theLauncherMakesItsArchiveOnceAndPrintsWhatTheJarPrints() throws Exception {
    Path jar = Files.copy(Path.of("target/executor-tools.jar"), dir.resolve("executor-tools.jar"));
    Path home = dir.resolve("home");
    for (int run = 0; run < 2; run++) {
      JsonNode listed = launch(jar, "--home", home.toString(), "tools", "list");
      assertThat(listed.path("ok").asBoolean()).isTrue();
      assertThat(listed.path("data")).hasSize(5);
      assertThat(dir.resolve("executor-tools.jsa")).as("the archive beside the jar").exists();
    }
  }

  @Test
  @Timeout(180)
  void runFromAnotherDirectoryItFindsTheProjectsJarAndItsArchiveIsUsed() throws Exception {
    // -Xshare:on (after the launcher's -Xshare:auto) makes the JVM refuse to start when the archive
    // it is given cannot be used
    JsonNode listed = launch(null, Map.of("JAVA_OPTS", "-Xshare:on"), "--home", dir.resolve("home").toString(),
        "tools", "list");
    assertThat(listed.path("data")).hasSize(5);
    assertThat(Path.of("target/executor-tools.jsa")).as("the archive it was given").exists();
  }

  private static JsonNode launch(Path jar, String... args) throws Exception {
    return launch(jar, Map.of(), args);
  }

  /** The launcher run in a directory of its own; {@code jar} null: the project's own jar. */
  private static JsonNode launch(Path jar, Map<String, String> env, String... args) throws Exception {
    String[] command = new String[args.length + 1];
    command[0] = Path.of("bin/executor-tools").toAbsolutePath().toString();
    System.arraycopy(args, 0, command, 1, args.length);
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD)
        .directory(Files.createTempDirectory("launcher-cwd").toFile());
    if (jar != null) builder.environment().put("EXECUTOR_TOOLS_JAR", jar.toString());
    builder.environment().putAll(env);
    Process process = builder.start();
    byte[] out = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the launcher ends").isTrue();
    assertThat(process.exitValue()).isZero();
    return Json.parse(new String(out, StandardCharsets.UTF_8));
  }
}
