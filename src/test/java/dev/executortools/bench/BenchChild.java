package dev.executortools.bench;

import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import dev.executortools.cli.Main;
import dev.executortools.internal.Json;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.swagger.v3.parser.util.DeserializationUtils;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.node.ObjectNode;

/**
 * One measurement of {@link ScaleBenchmark}, run in a JVM of its own (so each has the heap the
 * benchmark gives it); prints its figures as one JSON line on stdout.
 */
public final class BenchChild {
  private BenchChild() {}

  public static void main(String[] args) throws Exception {
    ObjectNode out = Json.object();
    switch (args[0]) {
      case "compare" -> compare(Path.of(args[1]), Integer.parseInt(args[2]), out);
      case "add" ->
          add(Path.of(args[1]), args[2], Path.of(args[3]), args.length > 4 ? args[4] : null, out);
      case "swagger" -> swaggerOnce(Path.of(args[1]), out);
      case "cli" -> cli(Arrays.copyOfRange(args, 1, args.length), out);
      case "readstore" -> readStore(Path.of(args[1]), out);
      case "calls" -> calls(out);
      case "retained" -> retained(Path.of(args[1]), out);
      case "mcp" ->
          out.setAll(
              McpProbe.run(
                  args[1],
                  Path.of(args[2]),
                  Path.of(args[3]),
                  args[4],
                  args.length > 5 ? args[5] : null));
      default -> throw new IllegalArgumentException(args[0]);
    }
    System.out.println(Json.write(out));
  }

  /**
   * Our addSource against swagger-parser's readContents (resolve on) of the same text, alternated.
   */
  private static void compare(Path spec, int reps, ObjectNode out) throws Exception {
    raiseSwaggerYamlLimit();
    String text = Files.readString(spec);
    double[] ours = new double[reps];
    double[] theirs = new double[reps];
    double peakOurs = 0;
    double peakTheirs = 0;
    String oursOk = "";
    String theirsOk = "";
    for (int i = 0; i < reps; i++) {
      Measure.resetPeakHeap();
      ToolResult[] result = new ToolResult[1];
      ours[i] =
          Measure.millis(
              () -> {
                try (ToolRegistry registry = ToolRegistry.builder().build()) {
                  result[0] =
                      registry.addSource(Json.object().put("spec", text).put("namespace", "bench"));
                }
              });
      peakOurs = Math.max(peakOurs, Measure.peakHeapMb());
      oursOk =
          result[0].ok()
              ? result[0].data().path("toolCount").asInt() + " tools"
              : result[0].error().code().toString();
      Measure.resetPeakHeap();
      SwaggerParseResult[] parsed = new SwaggerParseResult[1];
      theirs[i] = Measure.millis(() -> parsed[0] = swagger(text));
      peakTheirs = Math.max(peakTheirs, Measure.peakHeapMb());
      theirsOk =
          parsed[0].getOpenAPI() != null
              ? parsed[0].getOpenAPI().getPaths().size() + " paths"
              : "no document: " + parsed[0].getMessages();
      parsed[0] = null;
    }
    out.put("ours_ms", Measure.median(ours))
        .put("baseline_ms", Measure.median(theirs))
        .put("ours_cold_ms", ours[0])
        .put("baseline_cold_ms", theirs[0])
        .put("peak_heap_mb", peakOurs)
        .put("baseline_peak_heap_mb", peakTheirs)
        .put("ours", oursOk)
        .put("baseline", theirsOk.length() > 200 ? theirsOk.substring(0, 200) : theirsOk);
  }

  private static void add(Path spec, String namespace, Path home, String baseUrl, ObjectNode out)
      throws Exception {
    Measure.resetPeakHeap();
    ToolResult[] result = new ToolResult[1];
    ObjectNode options = Json.object().put("namespace", namespace);
    if (baseUrl != null) options.put("baseUrl", baseUrl);
    double ms =
        Measure.millis(
            () -> {
              try (ToolRegistry registry = ToolRegistry.builder().home(home).build()) {
                result[0] = registry.addSource(spec, options);
              }
            });
    out.put("ours_ms", ms)
        .put("peak_heap_mb", Measure.peakHeapMb())
        .put("ok", result[0].ok())
        .put(
            "detail",
            result[0].ok()
                ? result[0].data().path("toolCount").asInt() + " tools"
                : result[0].error().message());
  }

  private static void swaggerOnce(Path spec, ObjectNode out) throws Exception {
    raiseSwaggerYamlLimit();
    String text = Files.readString(spec);
    Measure.resetPeakHeap();
    SwaggerParseResult[] parsed = new SwaggerParseResult[1];
    double ms = Measure.millis(() -> parsed[0] = swagger(text));
    out.put("ours_ms", ms)
        .put("peak_heap_mb", Measure.peakHeapMb())
        .put("ok", parsed[0].getOpenAPI() != null);
  }

  private static SwaggerParseResult swagger(String text) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    return new OpenAPIParser().readContents(text, null, options);
  }

  private static void raiseSwaggerYamlLimit() {
    DeserializationUtils.getOptions().setMaxYamlCodePoints(Integer.MAX_VALUE);
  }

  /** The command line in this JVM, its output counted and dropped. */
  private static void cli(String[] args, ObjectNode out) throws Exception {
    PrintStream stdout = System.out;
    AtomicLong bytes = new AtomicLong();
    System.setOut(
        new PrintStream(
            new OutputStream() {
              @Override
              public void write(int b) {
                bytes.incrementAndGet();
              }

              @Override
              public void write(byte[] b, int off, int len) {
                bytes.addAndGet(len);
              }
            },
            false));
    Measure.resetPeakHeap();
    int[] exit = new int[1];
    double ms = Measure.millis(() -> exit[0] = Main.run(args));
    System.setOut(stdout);
    out.put("ours_ms", ms)
        .put("peak_heap_mb", Measure.peakHeapMb())
        .put("exit", exit[0])
        .put("bytes", bytes.get());
  }

  /** Jackson reading every stored source file token by token: the floor for loading a home. */
  private static void readStore(Path home, ObjectNode out) throws Exception {
    Measure.resetPeakHeap();
    long[] tokens = new long[1];
    double ms =
        Measure.millis(
            () -> {
              try (var files = Files.newDirectoryStream(home.resolve("sources"), "*.json")) {
                for (Path file : files) {
                  try (InputStream in = Files.newInputStream(file);
                      JsonParser p = Json.MAPPER.createParser(in)) {
                    while (p.nextToken() != null) tokens[0]++;
                  }
                }
              }
            });
    out.put("ours_ms", ms).put("peak_heap_mb", Measure.peakHeapMb()).put("tokens", tokens[0]);
  }

  private static final String CALL_SPEC =
      """
      {"openapi": "3.0.3", "info": {"title": "repos", "version": "1"},
       "paths": {"/repos/{owner}/{repo}": {"get": {"operationId": "repos/get", "tags": ["repos"],
         "parameters": [{"name": "owner", "in": "path", "required": true, "schema": {"type": "string"}},
                        {"name": "repo", "in": "path", "required": true, "schema": {"type": "string"}},
                        {"name": "per_page", "in": "query", "schema": {"type": "integer", "maximum": 100}}],
         "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"type": "object"}}}}}}}}}
      """;

  /** A GET tool call (validate, bind, send, read) against a bare OkHttp call, same server. */
  private static void calls(ObjectNode out) throws Exception {
    try (Loopback server = Loopback.start();
        ToolRegistry registry = ToolRegistry.builder().build()) {
      ToolResult added =
          registry.addSource(
              Json.object()
                  .put("spec", CALL_SPEC)
                  .put("namespace", "gh")
                  .put("baseUrl", server.baseUrl()));
      if (!added.ok()) throw new IllegalStateException(added.toJson().toString());
      ObjectNode args =
          Json.object().put("owner", "octocat").put("repo", "Hello-World").put("per_page", 30);
      OkHttpClient client = new OkHttpClient();
      String url = server.baseUrl() + "/repos/octocat/Hello-World?per_page=30";
      Measure.Step ours =
          () -> {
            ToolResult r = registry.call("gh.repos.get", args);
            if (!r.ok()) throw new IllegalStateException(r.toJson().toString());
          };
      Measure.Step bare =
          () -> {
            try (Response r = client.newCall(new Request.Builder().url(url).build()).execute()) {
              Json.MAPPER.readTree(r.body().string());
            }
          };
      for (int i = 0; i < 2000; i++) {
        ours.run();
        bare.run();
      }
      int n = 5000;
      double[] a = new double[n];
      double[] b = new double[n];
      for (int i = 0; i < n; i++) {
        a[i] = Measure.millis(ours);
        b[i] = Measure.millis(bare);
      }
      Arrays.sort(a);
      Arrays.sort(b);
      out.put("p50_ours_ms", Measure.percentile(a, 50))
          .put("p50_baseline_ms", Measure.percentile(b, 50))
          .put("p99_ours_ms", Measure.percentile(a, 99))
          .put("p99_baseline_ms", Measure.percentile(b, 99))
          .put("calls", n);
      int threads = 64;
      int each = 200;
      double[] tOurs = new double[3];
      double[] tBare = new double[3];
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        for (int round = 0; round < 3; round++) {
          tOurs[round] = concurrently(pool, threads, each, ours);
          tBare[round] = concurrently(pool, threads, each, bare);
        }
      } finally {
        pool.shutdownNow();
      }
      out.put("throughput_ours_ms", Measure.median(tOurs))
          .put("throughput_baseline_ms", Measure.median(tBare))
          .put("throughput_calls", threads * each);
    }
  }

  private static double concurrently(ExecutorService pool, int threads, int each, Measure.Step step)
      throws Exception {
    return Measure.millis(
        () -> {
          List<Future<?>> futures = new ArrayList<>();
          for (int t = 0; t < threads; t++) {
            futures.add(
                pool.submit(
                    () -> {
                      for (int i = 0; i < each; i++) step.run();
                      return null;
                    }));
          }
          for (Future<?> f : futures) f.get();
        });
  }

  /** Heap a registry (with a home) retains after adding a spec. */
  private static void retained(Path spec, ObjectNode out) throws Exception {
    Path home = Files.createTempDirectory("bench-retained");
    long before = Measure.usedAfterGc();
    ToolRegistry registry = ToolRegistry.builder().home(home).build();
    ToolResult result = registry.addSource(spec, Json.object().put("namespace", "graph"));
    long after = Measure.usedAfterGc();
    out.put("ok", result.ok())
        .put("retained_bytes", after - before)
        .put("tools", registry.tools().size());
    Reference.reachabilityFence(registry);
    registry.close();
  }
}
