package dev.executortools.cli;

import dev.executortools.ErrorCode;
import dev.executortools.ToolError;
import dev.executortools.ToolResult;
import dev.executortools.catalog.CatalogExtraction;
import dev.executortools.catalog.ExtractOptions;
import dev.executortools.catalog.RunSummary;
import dev.executortools.catalog.SpecInput;
import dev.executortools.catalog.SpecInputs;
import dev.executortools.internal.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code catalog extract}: many specs into integrations.sh cache files, one per spec. */
@Command(
    name = "catalog",
    mixinStandardHelpOptions = true,
    description = "Extract tool lists from many OpenAPI documents (an API catalog).",
    subcommands = {CatalogCommand.Extract.class})
final class CatalogCommand {

  @Command(
      name = "extract",
      mixinStandardHelpOptions = true,
      description =
          "Write DIR/<slug>.json (integrations.sh cache shape) for every SPEC; progress on stderr, "
              + "a summary on stdout. Exit 0 when every spec is ok, 1 when some failed.")
  static final class Extract implements Callable<Integer> {
    @Option(
        names = "--out",
        paramLabel = "DIR",
        defaultValue = "catalog",
        description = "Where the cache files go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(
        names = "--jobs",
        paramLabel = "N",
        description =
            "Specs extracted at once, each in a worker JVM (default: the number of processors).")
    Integer jobs;

    @Option(
        names = "--timeout-per-spec",
        paramLabel = "S",
        defaultValue = "300",
        description =
            "Seconds one spec may take, reading included; past it its worker is stopped and the spec reported (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    @Option(
        names = "--heap-per-job",
        paramLabel = "MB",
        description =
            "Heap of each worker JVM, the memory budget of one spec (default: this JVM's maximum heap divided by the jobs, at least 256).")
    Integer heapMb;

    @Option(
        names = "--summary",
        paramLabel = "FILE",
        description = "Also write the summary to FILE as JSON.")
    Path summaryFile;

    @Option(
        names = "--slug-map",
        paramLabel = "FILE",
        description =
            "A JSON object of slugs chosen for specs, by APIs.guru key (\"github.com\") or by the"
                + " spec's path below the folder given (or as given).")
    Path slugMapFile;

    @Option(
        names = "--input-schemas",
        description =
            "Give every tool the full input schema openapi.addSource gives it (integrations.sh's"
                + " own lists have none).")
    boolean inputSchemas;

    @Parameters(
        paramLabel = "SPEC",
        arity = "1..*",
        description = "A spec file, a folder (walked for .json/.yaml/.yml) or an http(s) URL.")
    List<String> specs;

    @Override
    public Integer call() throws InterruptedException {
      int jobCount = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
      ExtractOptions options;
      List<SpecInput> inputs;
      try {
        options =
            new ExtractOptions(
                out,
                jobCount,
                Duration.ofMillis(Math.round(timeoutSeconds * 1000)),
                heapMb == null ? ExtractOptions.defaultHeapMb(jobCount) : heapMb,
                inputSchemas);
        inputs = SpecInputs.expand(specs, out, slugMap());
      } catch (IllegalArgumentException | IOException e) {
        return Output.usage(e.getMessage());
      }
      RunSummary summary;
      try {
        summary = CatalogExtraction.run(inputs, options, System.err, System.console() != null);
      } catch (IOException e) {
        return Output.fail(
            ToolError.of(ErrorCode.STORE_FAILED, "cannot write to " + out + ": " + e.getMessage()));
      }
      ObjectNode data = summary.toJson();
      data.put("out", out.toString());
      ToolResult result =
          summary.errors() == 0
              ? ToolResult.success(data)
              : ToolResult.failure(
                  ToolError.of(
                          ErrorCode.SPECS_FAILED,
                          summary.errors()
                              + " of "
                              + inputs.size()
                              + " specs failed (details: the run's summary)")
                      .withDetails(data));
      if (summaryFile != null) {
        try {
          Files.writeString(summaryFile, Json.pretty(result.toJson()) + "\n");
        } catch (IOException e) {
          return Output.fail(
              ToolError.of(
                  ErrorCode.STORE_FAILED,
                  "cannot write the summary to " + summaryFile + ": " + e.getMessage()));
        }
      }
      return Output.result(result);
    }

    private Map<String, String> slugMap() throws IOException {
      if (slugMapFile == null) return Map.of();
      JsonNode json;
      try {
        json = Json.parse(Files.readString(slugMapFile));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("--slug-map " + slugMapFile + " is not JSON");
      }
      if (!json.isObject())
        throw new IllegalArgumentException("--slug-map " + slugMapFile + " is not a JSON object");
      Map<String, String> slugs = new LinkedHashMap<>();
      for (var entry : json.properties()) {
        if (!entry.getValue().isString())
          throw new IllegalArgumentException(
              "--slug-map: the slug for " + entry.getKey() + " is not a string");
        slugs.put(entry.getKey(), entry.getValue().stringValue());
      }
      return slugs;
    }
  }
}
