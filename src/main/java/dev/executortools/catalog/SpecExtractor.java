package dev.executortools.catalog;

import dev.executortools.compile.CompileOptions;
import dev.executortools.compile.CompiledTool;
import dev.executortools.compile.ToolCompiler;
import dev.executortools.compile.ToolListing;
import dev.executortools.fetch.SpecFetcher;
import dev.executortools.internal.TooMuchTextException;
import dev.executortools.parse.SpecDocument;
import dev.executortools.parse.SpecException;
import dev.executortools.parse.SpecFiles;
import dev.executortools.parse.SpecReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import tools.jackson.databind.node.ObjectNode;

/**
 * Extracts one spec into its cache file with the plugin's own pipeline (read → name), and says how
 * it went: the operations' tools in executor's order, then the two meta tools. Every failure
 * becomes an {@code error} entry with a reason; nothing is thrown.
 */
public final class SpecExtractor {
  private final Path outDir;
  private final boolean inputSchemas;
  private SpecFetcher fetcher;

  /**
   * @param inputSchemas whether each tool gets the full input schema {@code openapi.addSource}
   *     gives it (integrations.sh's own lists have none)
   */
  public SpecExtractor(Path outDir, boolean inputSchemas) {
    this.outDir = outDir;
    this.inputSchemas = inputSchemas;
  }

  public ExtractOutcome extract(SpecInput input) {
    long start = System.nanoTime();
    Path file = outDir.resolve(input.slug() + ".json");
    Instant fetchedAt = Instant.now();
    String reason;
    try {
      List<CatalogTool> tools = tools(input);
      CacheFile.writeTools(file, fetchedAt, tools);
      return new ExtractOutcome(
          ExtractStatus.OK, null, tools.size(), tools.size() - MetaTools.COUNT, millisSince(start));
    } catch (SpecException | TooMuchTextException e) {
      reason = e.getMessage(); // as executor's catalog records its error: the message alone
    } catch (IOException e) {
      reason = "cannot read " + input.spec() + ": " + e.getMessage();
    } catch (OutOfMemoryError e) {
      reason =
          "out of memory: the spec needs more than this worker's "
              + (Runtime.getRuntime().maxMemory() >> 20)
              + " MB heap (raise --heap-per-job)";
    } catch (StackOverflowError e) {
      reason = "internal_error: the document nests too deeply to compile (stack overflow)";
    } catch (RuntimeException e) {
      reason = "internal_error: " + e;
    }
    try {
      CacheFile.writeFailure(file, fetchedAt, reason);
    } catch (IOException e) {
      reason = reason + "; and its cache file could not be written: " + e.getMessage();
    }
    return ExtractOutcome.failed(reason, millisSince(start));
  }

  private List<CatalogTool> tools(SpecInput input) throws SpecException, IOException {
    String text =
        input.url()
            ? fetcher().fetch(input.spec(), Map.of(), Map.of())
            : SpecFiles.read(Path.of(input.spec()));
    SpecDocument doc = SpecReader.read(text);
    text = null;
    CompileOptions options = CompileOptions.forNamespace(Slugs.namespace(input.slug()));
    Map<String, ObjectNode> schemas = inputSchemas ? schemas(doc, input, options) : Map.of();
    List<ToolListing> listed = ToolCompiler.list(doc, options);
    List<CatalogTool> tools = new ArrayList<>(listed.size() + 2);
    for (ToolListing tool : listed) {
      tools.add(
          new CatalogTool(
              tool.id(), tool.name(), tool.catalogDescription(), schemas.get(tool.id())));
    }
    tools.addAll(MetaTools.list(inputSchemas));
    return tools;
  }

  /** Each tool's full input schema, as {@code openapi.addSource} stores it, by tool id. */
  private static Map<String, ObjectNode> schemas(
      SpecDocument doc, SpecInput input, CompileOptions options) {
    List<CompiledTool> compiled =
        ToolCompiler.compile(doc, input.url() ? SpecFetcher.location(input.spec()) : null, options)
            .tools();
    Map<String, ObjectNode> byId = new HashMap<>(compiled.size() * 2);
    for (CompiledTool tool : compiled) byId.put(tool.tool().id(), tool.inputSchema());
    return byId;
  }

  /**
   * URLs here are ones a person put on the command line; the per-spec deadline bounds the fetch
   * too.
   */
  private SpecFetcher fetcher() {
    if (fetcher == null) {
      fetcher =
          new SpecFetcher(
              new OkHttpClient.Builder()
                  .connectTimeout(Duration.ofSeconds(10))
                  .readTimeout(Duration.ofSeconds(30))
                  .callTimeout(Duration.ofMinutes(2))
                  .build());
    }
    return fetcher;
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
