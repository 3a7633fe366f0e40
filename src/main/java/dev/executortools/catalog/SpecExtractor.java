package dev.executortools.catalog;

import dev.executortools.Tool;
import dev.executortools.compile.CompileOptions;
import dev.executortools.compile.CompiledSource;
import dev.executortools.compile.CompiledTool;
import dev.executortools.compile.ToolCompiler;
import dev.executortools.fetch.SpecFetcher;
import dev.executortools.parse.SpecDocument;
import dev.executortools.parse.SpecException;
import dev.executortools.parse.SpecFiles;
import dev.executortools.parse.SpecReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;

/**
 * Extracts one spec into its cache file with the plugin's own pipeline (read → compile), and says
 * how it went. Every failure becomes an {@code error} entry with a reason; nothing is thrown.
 */
public final class SpecExtractor {
  private final Path outDir;
  private SpecFetcher fetcher;

  public SpecExtractor(Path outDir) {
    this.outDir = outDir;
  }

  public ExtractOutcome extract(SpecInput input) {
    long start = System.nanoTime();
    Path file = outDir.resolve(input.slug() + ".json");
    Instant fetchedAt = Instant.now();
    ExtractStatus status = ExtractStatus.ERROR;
    String reason;
    try {
      CompiledSource compiled = compile(input);
      int operations = compiled.tools().size();
      if (operations == 0) {
        status = ExtractStatus.SKIPPED;
        reason = "nothing to extract: the document defines no operations";
      } else {
        List<Tool> tools = new ArrayList<>(StaticTools.ALL.size() + operations);
        tools.addAll(StaticTools.ALL);
        for (CompiledTool tool : compiled.tools()) tools.add(tool.tool());
        compiled = null;
        CacheFile.writeTools(file, fetchedAt, tools);
        return new ExtractOutcome(
            ExtractStatus.OK, null, tools.size(), operations, millisSince(start));
      }
    } catch (SpecException e) {
      reason = e.code().wireName() + ": " + e.getMessage();
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
      CacheFile.writeFailure(file, fetchedAt, status, reason);
    } catch (IOException e) {
      reason = reason + "; and its cache file could not be written: " + e.getMessage();
      status = ExtractStatus.ERROR;
    }
    return new ExtractOutcome(status, reason, 0, 0, millisSince(start));
  }

  private CompiledSource compile(SpecInput input) throws SpecException, IOException {
    String text =
        input.url()
            ? fetcher().fetch(input.spec(), Map.of(), Map.of())
            : SpecFiles.read(Path.of(input.spec()));
    SpecDocument doc = SpecReader.read(text);
    text = null;
    return ToolCompiler.compile(
        doc,
        input.url() ? SpecFetcher.location(input.spec()) : null,
        CompileOptions.forNamespace(Slugs.namespace(input.slug())));
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
