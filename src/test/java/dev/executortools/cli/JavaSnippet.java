package dev.executortools.cli;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * A README Java block, compiled with javax.tools as the body of a {@code main} method (the plugin's
 * packages, {@code java.nio.file} and Jackson's imported; a {@code String specText} holding the
 * file named by the first argument in scope) and run in a new JVM whose working directory is a
 * temporary one, so relative paths in the example land there.
 */
final class JavaSnippet {
  static final String CLASS_NAME = "ReadmeJavaExample";

  /** Output of a run. */
  record Result(int exit, String output) {}

  private JavaSnippet() {}

  static String source(String block) {
    return """
        import dev.executortools.*;
        import java.nio.file.*;
        import tools.jackson.databind.json.JsonMapper;
        import tools.jackson.databind.node.ObjectNode;

        public class %s {
          public static void main(String[] arguments) throws Exception {
            String specText = Files.readString(Path.of(arguments[0]));
        %s
          }
        }
        """
        .formatted(CLASS_NAME, block);
  }

  /** Compiles {@code source} into {@code classes}; the compiler's messages when it fails. */
  static String compile(String source, Path classes) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    JavaFileObject file =
        new SimpleJavaFileObject(
            URI.create("string:///" + CLASS_NAME + ".java"), JavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return source;
          }
        };
    StringWriter messages = new StringWriter();
    List<String> options =
        List.of(
            "-d",
            classes.toString(),
            "-cp",
            System.getProperty("java.class.path"),
            "--release",
            "17");
    boolean ok = compiler.getTask(messages, null, null, options, null, List.of(file)).call();
    return ok ? null : messages.toString();
  }

  static Result run(Path classes, Path workDir, Path specFile)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile(workDir, "java-example", ".log");
    String classpath = classes + File.pathSeparator + System.getProperty("java.class.path");
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                classpath,
                CLASS_NAME,
                specFile.toString())
            .directory(workDir.toFile())
            .redirectInput(new File("/dev/null"))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      if (!child.waitFor(60, TimeUnit.SECONDS))
        throw new AssertionError("the Java example still runs after 60 s");
      return new Result(child.exitValue(), Files.readString(log));
    } finally {
      child.destroyForcibly();
    }
  }
}
