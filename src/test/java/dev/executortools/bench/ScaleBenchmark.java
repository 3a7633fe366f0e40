package dev.executortools.bench;

import dev.executortools.internal.Json;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The performance benchmark at real scale (GitHub, Microsoft Graph v1.0 and beta, Stripe,
 * Kubernetes), every figure next to a baseline measured in the same run. Run by {@code
 * bench/run.sh}; writes {@code bench/results.json} and {@code bench/results.md}. Arguments: the
 * inputs directory (from {@code bench/fetch-inputs.sh}), the jar, the launcher, a hello-world jar,
 * the output directory. The system property {@code bench.rows} (comma-separated row names, from
 * {@code BENCH_ROWS}) runs only those rows, reusing the five-source home when it is complete, and
 * writes its table under the output directory instead of {@code bench/}.
 */
public final class ScaleBenchmark {
  record Row(String name, Double ours, Double baseline, Double peakHeapMb, String notes) {
    ObjectNode toJson() {
      ObjectNode json = Json.object().put("name", name);
      put(json, "ours_ms", ours);
      put(json, "baseline_ms", baseline);
      put(
          json,
          "ratio",
          ours != null && baseline != null && baseline > 0 ? round(ours / baseline) : null);
      put(json, "peak_heap_mb", peakHeapMb);
      return json.put("notes", notes);
    }
  }

  private final Path inputs;
  private final Path jar;
  private final Path launcher;
  private final Path hello;
  private final Path work;
  private final String classpath = System.getProperty("java.class.path");
  private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
  private final List<Row> rows = new ArrayList<>();
  private final Set<String> only = rowsSelected();

  /**
   * The jar of the build before, for the search rows' baselines (system property
   * bench.baselineJar).
   */
  private final Path baselineJar =
      System.getProperty("bench.baselineJar", "").isBlank()
          ? null
          : Path.of(System.getProperty("bench.baselineJar"));

  /** The restart row's floor (Jackson reading every stored token), the baseline of search_512m. */
  private Double readFloor;

  private ScaleBenchmark(String[] args) throws IOException {
    inputs = Path.of(args[0]);
    jar = Path.of(args[1]);
    launcher = Path.of(args[2]);
    hello = Path.of(args[3]);
    work = Path.of(args[4]);
  }

  public static void main(String[] args) throws Exception {
    new ScaleBenchmark(args).run();
  }

  private void run() throws Exception {
    Files.createDirectories(work);
    Path github = inputs.resolve("github.json");
    Path githubYaml = inputs.resolve("github.yaml");
    Path graph = inputs.resolve("graph.json");
    Path beta = inputs.resolve("graph-beta.json");
    Path stripe = Path.of("src/test/resources/corpus/stripe.com__2020-08-27.openapi.yaml");
    Path kubernetes = Path.of("src/test/resources/corpus/kubernetes.io__v1.10.0.swagger.yaml");
    if (want("github_yaml_add") && !Files.exists(githubYaml)) {
      JsonNode tree = Json.MAPPER.readTree(github.toFile());
      new YAMLMapper().writeValue(githubYaml.toFile(), tree);
    }

    // first, on a quiet machine: after the heavy rows (GB-sized heaps, 2.35 GB listed) every
    // process
    // starts slower for a while, baselines included (java -version 136 ms against 110 ms measured
    // first)
    if (want("startup_call") || want("startup_list")) startupRows(github);
    if (want("github_add")) compareRow("github_add", github, "GitHub JSON " + mb(github));
    if (want("github_yaml_add")) {
      compareRow(
          "github_yaml_add",
          githubYaml,
          "GitHub YAML " + mb(githubYaml) + "; swagger-parser with maxYamlCodePoints raised");
    }

    Path home = work.resolve("home5");
    Map<String, Path> specs =
        Map.of(
            "github",
            github,
            "graph",
            graph,
            "graph_beta",
            beta,
            "stripe",
            stripe,
            "kubernetes",
            kubernetes);
    if (want("graph_add") || want("graph_beta_add") || !complete(home, specs.keySet())) {
      home = fresh("home5");
      addRow("graph_add", graph, "graph", home);
      addRow("graph_beta_add", beta, "graph_beta", home);
      child("-Xmx512m", "add", github.toString(), "github", home.toString());
      child("-Xmx512m", "add", stripe.toString(), "stripe", home.toString());
      child("-Xmx512m", "add", kubernetes.toString(), "kubernetes", home.toString());
    }

    if (want("restart") || want("list_graph_512m")) restartRows(home);
    if (want("commands_512m")) commandsRow(home);
    if (want("search_512m")) searchRow(home);
    if (want("mcp_list_512m")) mcpRow(home);
    if (want("search_first_512m")) {
      rows.add(SearchRows.searchFirst(launcher, home, fresh("home-empty"), baselineJar, 5));
    }
    if (want("mcp_search_first")) {
      rows.add(SearchRows.mcpSearchFirst(launcher, jar, home, baselineJar, 5));
    }
    if (want("add_graph_beta_with_index")) {
      rows.add(SearchRows.addWithIndex(java, jar, baselineJar, beta, work, 2));
    }
    if (want("store_bytes")) storeRow(home, specs);
    if (want("call_p50") || want("call_p99") || want("call_throughput_64")) callRows();
    if (want("retained_heap")) {
      JsonNode retained = child("-Xmx2g", "retained", graph.toString());
      double retainedMb = retained.path("retained_bytes").asLong() / 1048576.0;
      rows.add(
          new Row(
              "retained_heap",
              retainedMb,
              Files.size(graph) / 1048576.0,
              null,
              "MB (not ms): heap retained by a registry with a home holding Graph v1.0 ("
                  + retained.path("tools").asInt()
                  + " tools) after full GCs, against the spec's size on disk"));
    }
    write();
  }

  /** Row names from the system property {@code bench.rows}; empty: every row. */
  private static Set<String> rowsSelected() {
    String names = System.getProperty("bench.rows", "").strip();
    return names.isEmpty() ? Set.of() : Set.of(names.split("\\s*,\\s*"));
  }

  private boolean want(String row) {
    return only.isEmpty() || only.contains(row);
  }

  /** Whether {@code home} holds a stored file for every one of {@code namespaces}. */
  private static boolean complete(Path home, Set<String> namespaces) {
    return namespaces.stream()
        .allMatch(n -> Files.isRegularFile(home.resolve("sources").resolve(n + ".json")));
  }

  private void compareRow(String name, Path spec, String what) throws Exception {
    JsonNode r = child("-Xmx2g", "compare", spec.toString(), "3");
    rows.add(
        new Row(
            name,
            r.path("ours_ms").asDouble(),
            r.path("baseline_ms").asDouble(),
            r.path("peak_heap_mb").asDouble(),
            what
                + "; median of 3 in one JVM (-Xmx2g), cold "
                + ms(r.path("ours_cold_ms"))
                + " vs "
                + ms(r.path("baseline_cold_ms"))
                + "; ours "
                + r.path("ours").asString()
                + ", swagger-parser "
                + r.path("baseline").asString()
                + ", its peak heap "
                + ms(r.path("baseline_peak_heap_mb"))
                + " MB"));
  }

  private void addRow(String name, Path spec, String namespace, Path home) throws Exception {
    JsonNode ours = child("-Xmx512m", "add", spec.toString(), namespace, home.toString());
    JsonNode small = child("-Xmx512m", "swagger", spec.toString());
    JsonNode theirs =
        small.path("ok").asBoolean() ? small : child("-Xmx2g", "swagger", spec.toString());
    String baselineHeap =
        small.path("ok").asBoolean()
            ? "-Xmx512m"
            : "-Xmx2g (it fails at -Xmx512m: " + small.path("error").asString("") + ")";
    rows.add(
        new Row(
            name,
            ours.path("ours_ms").asDouble(),
            theirs.path("ours_ms").asDouble(),
            ours.path("peak_heap_mb").asDouble(),
            mb(spec)
                + ": addSource (read, compile, store) at -Xmx512m, "
                + (ours.path("ok").asBoolean() ? "complete, " : "FAILED, ")
                + ours.path("detail").asString()
                + "; swagger-parser readContents (resolve) at "
                + baselineHeap
                + ", peak heap "
                + ms(theirs.path("peak_heap_mb"))
                + " MB; one cold run each"));
  }

  private void restartRows(Path home) throws Exception {
    double[] ours = new double[3];
    double[] floor = new double[3];
    for (int i = 0; i < 3; i++) {
      ours[i] =
          wall(
              Map.of("JAVA_OPTS", "-Xmx512m"),
              launcher.toString(),
              "--home",
              home.toString(),
              "tools",
              "list");
      long start = System.nanoTime();
      child("-Xmx512m", "readstore", home.toString());
      floor[i] = (System.nanoTime() - start) / 1e6;
    }
    readFloor = Measure.median(floor);
    rows.add(
        new Row(
            "restart",
            Measure.median(ours),
            Measure.median(floor),
            null,
            "whole process, median of 3: bin/executor-tools tools list of the five-source home (-Xmx512m) vs a JVM reading the same stored files with Jackson (every token)"));
    JsonNode list =
        child("-Xmx512m", "cli", "--home", home.toString(), "tools", "list", "--schemas");
    rows.add(
        new Row(
            "list_graph_512m",
            list.path("ours_ms").asDouble(),
            null,
            list.path("peak_heap_mb").asDouble(),
            "tools list --schemas of the five-source home at -Xmx512m: exit "
                + list.path("exit").asInt()
                + ", "
                + String.format(Locale.ROOT, "%.0f", list.path("bytes").asLong() / 1048576.0)
                + " MB written as produced"));
  }

  /**
   * The everyday commands other than listing, each a separate JVM at -Xmx512m on the five-source
   * home.
   */
  private void commandsRow(Path home) throws Exception {
    try (Loopback server = Loopback.start()) {
      String h = home.toString();
      Map<String, String[]> commands = new java.util.LinkedHashMap<>();
      commands.put("sources list", new String[] {"--home", h, "sources", "list"});
      commands.put(
          "tools describe (largest Graph beta tool)",
          new String[] {
            "--home",
            h,
            "tools",
            "describe",
            "graph_beta.deviceManagementDeviceManagement.deviceManagementDeviceManagementGetDeviceManagement"
          });
      commands.put(
          "call (a Graph beta GET, server on loopback)",
          new String[] {
            "--home",
            h,
            "--allow-private-network",
            "call",
            "graph_beta.adminServiceAnnouncement.adminServiceAnnouncementListMessages",
            "{\"server\": {\"url\": \"" + server.baseUrl() + "\"}}"
          });
      StringBuilder notes =
          new StringBuilder("each a separate JVM at -Xmx512m on the five-source home:");
      double total = 0;
      double peak = 0;
      boolean allOk = true;
      for (Map.Entry<String, String[]> command : commands.entrySet()) {
        List<String> args = new ArrayList<>(List.of("cli"));
        args.addAll(List.of(command.getValue()));
        JsonNode r = child("-Xmx512m", args.toArray(String[]::new));
        total += r.path("ours_ms").asDouble();
        peak = Math.max(peak, r.path("peak_heap_mb").asDouble());
        allOk &= r.path("exit").asInt(-1) == 0;
        notes.append(
            String.format(
                Locale.ROOT,
                " %s exit %d, %.0f ms;",
                command.getKey(),
                r.path("exit").asInt(-1),
                r.path("ours_ms").asDouble()));
      }
      rows.add(new Row("commands_512m", total, null, peak, (allOk ? "" : "FAILED: ") + notes));
    }
  }

  private void searchRow(Path home) throws Exception {
    if (readFloor == null) {
      long start = System.nanoTime();
      child("-Xmx512m", "readstore", home.toString());
      readFloor = (System.nanoTime() - start) / 1e6;
    }
    rows.add(ServingRows.search(java, jar, home, readFloor));
  }

  private void mcpRow(Path home) throws Exception {
    JsonNode search =
        child(
            "-Xmx256m", "mcp", "-Xmx512m", jar.toString(), home.toString(), "search", "send mail");
    JsonNode all = child("-Xmx256m", "mcp", "-Xmx512m", jar.toString(), home.toString(), "all");
    rows.add(ServingRows.mcp(search, all));
  }

  private void storeRow(Path home, Map<String, Path> specs) throws IOException {
    StringBuilder notes =
        new StringBuilder(
            "MB (not ms): Graph v1.0 stored file vs its spec; all sources (stored/spec):");
    for (Map.Entry<String, Path> e : new TreeMap<>(specs).entrySet()) {
      long stored = Files.size(home.resolve("sources").resolve(e.getKey() + ".json"));
      notes.append(
          String.format(
              Locale.ROOT, " %s %.2fx;", e.getKey(), (double) stored / Files.size(e.getValue())));
    }
    rows.add(
        new Row(
            "store_bytes",
            Files.size(home.resolve("sources/graph.json")) / 1048576.0,
            Files.size(specs.get("graph")) / 1048576.0,
            null,
            notes.toString()));
  }

  private void startupRows(Path github) throws Exception {
    try (Loopback server = Loopback.start()) {
      Path home = fresh("home-github");
      child("-Xmx512m", "add", github.toString(), "github", home.toString(), server.baseUrl());
      Path empty = fresh("home-empty");
      int n = 11;
      double[] call = new double[n],
          callPlain = new double[n],
          list = new double[n],
          listPlain = new double[n];
      double[] version = new double[n], helloJar = new double[n];
      String args = "{\"owner\": \"octocat\", \"repo\": \"Hello-World\"}";
      wall(
          Map.of(),
          launcher.toString(),
          "--home",
          empty.toString(),
          "tools",
          "list"); // builds the archive if missing
      for (int i = 0; i < n; i++) {
        call[i] =
            wall(
                Map.of(),
                launcher.toString(),
                "--home",
                home.toString(),
                "call",
                "github.repos.get",
                args);
        callPlain[i] =
            wall(
                Map.of(),
                java,
                "-jar",
                jar.toString(),
                "--home",
                home.toString(),
                "call",
                "github.repos.get",
                args);
        list[i] = wall(Map.of(), launcher.toString(), "--home", empty.toString(), "tools", "list");
        listPlain[i] =
            wall(
                Map.of(),
                java,
                "-jar",
                jar.toString(),
                "--home",
                empty.toString(),
                "tools",
                "list");
        version[i] = wall(Map.of(), java, "-version");
        helloJar[i] = wall(Map.of(), java, "-jar", hello.toString());
      }
      String next =
          "; java -version "
              + ms(Measure.median(version))
              + " ms, hello-world jar (baseline) "
              + ms(Measure.median(helloJar))
              + " ms; median of "
              + n
              + ", wall clock";
      rows.add(
          new Row(
              "startup_call",
              Measure.median(call),
              Measure.median(helloJar),
              null,
              "bin/executor-tools (CDS archive) call github.repos.get against a loopback server; plain java -jar "
                  + ms(Measure.median(callPlain))
                  + " ms"
                  + next));
      rows.add(
          new Row(
              "startup_list",
              Measure.median(list),
              Measure.median(helloJar),
              null,
              "bin/executor-tools (CDS archive) tools list on an empty home; plain java -jar "
                  + ms(Measure.median(listPlain))
                  + " ms"
                  + next));
    }
  }

  private void callRows() throws Exception {
    JsonNode r = child("-Xmx512m", "calls");
    String how =
        "in process, loopback server; GET tool call (validate, bind, send, read JSON) vs bare OkHttp call + Jackson read of the same URL";
    rows.add(
        new Row(
            "call_p50",
            r.path("p50_ours_ms").asDouble(),
            r.path("p50_baseline_ms").asDouble(),
            null,
            how
                + "; "
                + r.path("calls").asInt()
                + " calls each, alternated, after 2000 warm-up; server with TCP_NODELAY"));
    rows.add(
        new Row(
            "call_p99",
            r.path("p99_ours_ms").asDouble(),
            r.path("p99_baseline_ms").asDouble(),
            null,
            how));
    int calls = r.path("throughput_calls").asInt();
    double ours = r.path("throughput_ours_ms").asDouble();
    double bare = r.path("throughput_baseline_ms").asDouble();
    rows.add(
        new Row(
            "call_throughput_64",
            ours,
            bare,
            null,
            String.format(
                Locale.ROOT,
                "ms for %d calls by 64 concurrent callers (median of 3): %.0f calls/s vs %.0f calls/s bare OkHttp",
                calls,
                calls / ours * 1000,
                calls / bare * 1000)));
  }

  private JsonNode child(String heap, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(List.of(java, heap, "-cp", classpath, BenchChild.class.getName()));
    command.addAll(List.of(args));
    System.err.println(
        "bench: " + String.join(" ", command.subList(4, command.size())) + " (" + heap + ")");
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = process.waitFor();
    String[] lines = out.strip().split("\n");
    String last = lines[lines.length - 1];
    if (exit != 0 || !last.startsWith("{")) {
      return Json.object().put("ok", false).put("error", exit != 0 ? "exit " + exit : "no result");
    }
    return Json.parse(last);
  }

  /** Wall-clock ms of a whole process, its output discarded. */
  /** The wall-clock time of a whole process, its output discarded. */
  static double wall(Map<String, String> env, String... command) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().putAll(env);
    long start = System.nanoTime();
    Process process = builder.start();
    process.waitFor();
    return (System.nanoTime() - start) / 1e6;
  }

  private Path fresh(String name) throws IOException {
    return fresh(work.resolve(name));
  }

  /** {@code dir}, empty (what it held deleted). */
  static Path fresh(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
    return Files.createDirectories(dir);
  }

  private void write() throws IOException {
    ArrayNode json = Json.array();
    rows.forEach(r -> json.add(r.toJson()));
    Path bench = only.isEmpty() ? Path.of("bench") : work;
    Files.writeString(bench.resolve("results.json"), Json.pretty(json) + "\n");
    StringBuilder table = new StringBuilder();
    table.append(
        String.format(
            Locale.ROOT,
            "Machine: %d cores, %s %s, load average %.1f when the run ended.%n%n",
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.vm.name"),
            System.getProperty("java.version"),
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    table.append(
        "| name | ours | baseline | ratio | peak heap MB | notes |\n|---|---:|---:|---:|---:|---|\n");
    for (JsonNode r : json) {
      table
          .append("| ")
          .append(r.path("name").asString())
          .append(" | ")
          .append(ms(r.path("ours_ms")))
          .append(" | ")
          .append(ms(r.path("baseline_ms")))
          .append(" | ")
          .append(ms(r.path("ratio")))
          .append(" | ")
          .append(ms(r.path("peak_heap_mb")))
          .append(" | ")
          .append(r.path("notes").asString())
          .append(" |\n");
    }
    Files.writeString(bench.resolve("results.md"), table);
    System.out.print(table);
  }

  private static String mb(Path file) throws IOException {
    return String.format(Locale.ROOT, "%.1f MB", Files.size(file) / 1048576.0);
  }

  static String ms(JsonNode value) {
    return value == null || value.isMissingNode() || value.isNull() ? "" : ms(value.asDouble());
  }

  static String ms(double value) {
    return value >= 100
        ? String.format(Locale.ROOT, "%.0f", value)
        : value >= 1
            ? String.format(Locale.ROOT, "%.2f", value)
            : String.format(Locale.ROOT, "%.3f", value);
  }

  private static Double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }

  private static void put(ObjectNode json, String field, Double value) {
    if (value == null) json.putNull(field);
    else json.put(field, round(value));
  }
}
