package dev.executortools.bench;

import dev.executortools.compile.CompileOptions;
import dev.executortools.compile.CompiledSource;
import dev.executortools.compile.ToolCompiler;
import dev.executortools.parse.SpecDocument;
import dev.executortools.parse.SpecReader;
import dev.executortools.testing.Corpus;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * On-demand benchmark (not a test): for each spec, the time swagger-parser's own reader takes to
 * parse it (the baseline) against the time this plugin takes to read AND compile it into tools,
 * measured in the same run, median of several rounds after a warm-up. See the README for how to run
 * it; pass spec files as arguments to measure others (e.g. Microsoft Graph).
 */
public final class CompileBenchmark {
  public static void main(String[] args) throws Exception {
    int rounds = Integer.getInteger("rounds", 5);
    List<String[]> specs = new ArrayList<>();
    if (args.length == 0) {
      for (String file : Corpus.FILES) specs.add(new String[] {file, Corpus.read(file)});
    } else {
      for (String arg : args)
        specs.add(
            new String[] {Path.of(arg).getFileName().toString(), Files.readString(Path.of(arg))});
    }
    System.out.printf(
        Locale.ROOT,
        "%-52s %6s %12s %12s %7s  %s%n",
        "spec",
        "tools",
        "parser ms",
        "compile ms",
        "ratio",
        "swagger-parser");
    double sumParser = 0;
    double sumOurs = 0;
    for (String[] spec : specs) {
      String text = spec[1];
      int tools = compile(text).tools().size();
      String verdict = swaggerParse(text);
      long[] parser = new long[rounds];
      long[] ours = new long[rounds];
      for (int i = 0; i < rounds; i++) {
        parser[i] =
            time(
                () -> {
                  swaggerParse(text);
                });
        ours[i] = time(() -> compile(text));
      }
      double p = median(parser) / 1e6;
      double o = median(ours) / 1e6;
      sumParser += p;
      sumOurs += o;
      System.out.printf(
          Locale.ROOT, "%-52s %6d %12.1f %12.1f %7.2f  %s%n", spec[0], tools, p, o, o / p, verdict);
    }
    System.out.printf(
        Locale.ROOT,
        "%-52s %6s %12.1f %12.1f %7.2f%n",
        "total",
        "",
        sumParser,
        sumOurs,
        sumOurs / sumParser);
  }

  private static CompiledSource compile(String text) {
    try {
      SpecDocument doc = SpecReader.read(text);
      return ToolCompiler.compile(doc, null, CompileOptions.forNamespace("bench"));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * swagger-parser's own reading, as a user of the library would call it; says whether it worked.
   */
  private static String swaggerParse(String text) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    var result = new OpenAPIParser().readContents(text, null, options);
    if (result.getOpenAPI() != null && result.getOpenAPI().getPaths() != null) return "ok";
    List<String> messages = result.getMessages() == null ? List.of() : result.getMessages();
    return "FAILED: " + (messages.isEmpty() ? "no document" : messages.get(0));
  }

  private static long time(Runnable run) {
    long start = System.nanoTime();
    run.run();
    return System.nanoTime() - start;
  }

  private static double median(long[] values) {
    long[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
