package dev.executortools.catalog;

import dev.executortools.compile.CompileOptions;
import dev.executortools.compile.CompiledTool;
import dev.executortools.compile.ToolCompiler;
import dev.executortools.internal.Json;
import dev.executortools.parse.SpecDocument;
import dev.executortools.parse.SpecException;
import dev.executortools.parse.SpecReader;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The child JVM of a catalog run ({@link WorkerProcess} starts it): reads one {@link SpecInput} per
 * line on stdin, extracts it into {@code OUT_DIR}, answers one {@link ExtractOutcome} per line on
 * stdout, and ends at end of input. Its heap is the per-spec memory budget; the parent kills it
 * when a spec overruns its time budget.
 */
public final class ExtractWorker {
  /** The line a worker prints once it is ready for specs. */
  static final String READY = "{\"ready\":true}";

  /** The argument after {@code OUT_DIR} that asks for input schemas. */
  static final String INPUT_SCHEMAS = "--input-schemas";

  /** Small documents compiled before the first spec, so that no spec pays for loading classes. */
  private static final List<String> WARM_UP =
      List.of(
          "openapi: 3.0.0\ninfo: {title: warm, version: '1'}\npaths:\n  /pets/{id}:\n    get:\n"
              + "      parameters: [{name: id, in: path, required: true, schema: {type: string}}]\n"
              + "      responses: {'200': {description: ok}}\n",
          "{\"swagger\": \"2.0\", \"info\": {\"title\": \"warm\", \"version\": \"1\"}, \"paths\": {\"/pets\": {\"post\": {"
              + "\"parameters\": [{\"name\": \"body\", \"in\": \"body\", \"schema\": {\"type\": \"object\"}}],"
              + "\"responses\": {\"200\": {\"description\": \"ok\"}}}}}}");

  private ExtractWorker() {}

  public static void main(String[] args) throws IOException {
    boolean inputSchemas = args.length == 2 && args[1].equals(INPUT_SCHEMAS);
    if (args.length != 1 && !inputSchemas) {
      System.err.println("usage: ExtractWorker OUT_DIR [" + INPUT_SCHEMAS + "]");
      System.exit(2);
    }
    // stdout carries the protocol only: anything a library prints goes to stderr.
    PrintStream replies =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    System.setOut(System.err);
    SpecExtractor extractor = new SpecExtractor(Path.of(args[0]), inputSchemas);
    warmUp(inputSchemas);
    replies.println(READY);
    BufferedReader requests =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = requests.readLine(); line != null; line = requests.readLine()) {
      if (line.isBlank()) continue;
      ExtractOutcome outcome = extractor.extract(SpecInput.fromJson(Json.parse(line)));
      replies.println(Json.write(outcome.toJson()));
    }
  }

  private static void warmUp(boolean inputSchemas) {
    for (String text : WARM_UP) {
      try {
        SpecDocument doc = SpecReader.read(text);
        CompileOptions options = CompileOptions.forNamespace("warm");
        ToolCompiler.list(doc, options);
        if (!inputSchemas) continue;
        for (CompiledTool tool : ToolCompiler.compile(doc, null, options).tools()) {
          Json.write(tool.inputSchema());
        }
      } catch (SpecException e) {
        throw new IllegalStateException("the warm-up document does not compile", e);
      }
    }
  }
}
