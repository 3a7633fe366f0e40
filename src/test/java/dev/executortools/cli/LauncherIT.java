package dev.executortools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.internal.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The README's launcher, {@code bin/executor-tools}, on the packaged jar (run by failsafe after
 * {@code package}): the first run makes the class-data-sharing archive next to a copy of the jar
 * (or in the user's cache when the jar's folder is read-only), and every run prints what {@code
 * java -jar} prints. The JVM the launcher runs is a wrapper that logs each start, so a test can
 * count the warm-ups.
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
    JsonNode listed =
        launch(
            null,
            Map.of("JAVA_OPTS", "-Xshare:on"),
            "--home",
            dir.resolve("home").toString(),
            "tools",
            "list");
    assertThat(listed.path("data")).hasSize(5);
    assertThat(Path.of("target/executor-tools.jsa")).as("the archive it was given").exists();
  }

  @Test
  @Timeout(300)
  void inAReadOnlyInstallTheArchiveIsMadeOnceInTheUsersCache() throws Exception {
    Install install = new Install(dir, "exec \"$java\" \"$@\"");
    for (int run = 0; run < 2; run++) {
      assertThat(install.launch("tools", "list").path("data")).hasSize(5);
    }
    assertThat(install.warmups()).as("warm-ups in two commands").isEqualTo(1);
    try (var cached = Files.list(install.cache.resolve("executor-tools"))) {
      assertThat(cached.map(p -> p.getFileName().toString()))
          .singleElement()
          .asString()
          .matches("executor-tools-[0-9]+\\.jsa");
    }
    assertThat(install.jar.resolveSibling("executor-tools.jsa")).doesNotExist();
  }

  @Test
  @Timeout(300)
  void aFailedWarmUpIsNotTriedAgainUntilTheJarChanges() throws Exception {
    Install install =
        new Install(dir, "case \"$*\" in *Warmup*) exit 1 ;; esac; exec \"$java\" \"$@\"");
    for (int run = 0; run < 2; run++) {
      assertThat(install.launch("tools", "list").path("data")).hasSize(5);
    }
    assertThat(install.warmups()).as("warm-ups in two commands").isEqualTo(1);
    Files.setLastModifiedTime(install.jar, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
    assertThat(install.launch("tools", "list").path("data")).hasSize(5);
    assertThat(install.warmups()).as("a new jar is warmed up again").isEqualTo(2);
  }

  /**
   * A copy of the jar in a folder the launcher's user cannot write: as root, the launcher runs as
   * {@code nobody} (root may write anywhere); otherwise the folder is made read-only.
   */
  private static final class Install {
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));
    final Path jar;
    final Path cache;
    private final Path log;
    private final Path jvm;
    private final Path home;

    Install(Path dir, String wrapperBody) throws Exception {
      for (Path p :
          new Path[] {dir, dir.resolve("install"), dir.resolve("cache"), dir.resolve("home")}) {
        Files.createDirectories(p);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxrwxrwx"));
      }
      jar =
          Files.copy(
              Path.of("target/executor-tools.jar"), dir.resolve("install/executor-tools.jar"));
      Files.setPosixFilePermissions(
          dir.resolve("install"),
          PosixFilePermissions.fromString(ROOT ? "rwxr-xr-x" : "r-xr-xr-x"));
      cache = dir.resolve("cache");
      home = dir.resolve("home");
      log = Files.writeString(dir.resolve("java.log"), "");
      Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-rw-rw-"));
      jvm = dir.resolve("java");
      String real = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Files.writeString(
          jvm,
          "#!/bin/sh\necho \"$*\" >>'" + log + "'\njava='" + real + "'\n" + wrapperBody + "\n");
      Files.setPosixFilePermissions(jvm, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    JsonNode launch(String... args) throws Exception {
      List<String> command = new ArrayList<>();
      if (ROOT)
        command.addAll(
            List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"));
      command.add(Path.of("bin/executor-tools").toAbsolutePath().toString());
      command.addAll(List.of("--home", home.resolve("state").toString()));
      command.addAll(List.of(args));
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .directory(home.toFile());
      builder
          .environment()
          .putAll(
              Map.of(
                  "EXECUTOR_TOOLS_JAR",
                  jar.toString(),
                  "JAVA",
                  jvm.toString(),
                  "XDG_CACHE_HOME",
                  cache.toString(),
                  "HOME",
                  home.toString()));
      Process process = builder.start();
      byte[] out = process.getInputStream().readAllBytes();
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the launcher ends").isTrue();
      assertThat(process.exitValue()).isZero();
      return Json.parse(new String(out, StandardCharsets.UTF_8));
    }

    long warmups() throws Exception {
      return Files.readAllLines(log).stream().filter(line -> line.contains("cli.Warmup")).count();
    }
  }

  private static JsonNode launch(Path jar, String... args) throws Exception {
    return launch(jar, Map.of(), args);
  }

  /** The launcher run in a directory of its own; {@code jar} null: the project's own jar. */
  private static JsonNode launch(Path jar, Map<String, String> env, String... args)
      throws Exception {
    String[] command = new String[args.length + 1];
    command[0] = Path.of("bin/executor-tools").toAbsolutePath().toString();
    System.arraycopy(args, 0, command, 1, args.length);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
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
