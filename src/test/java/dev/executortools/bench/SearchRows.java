package dev.executortools.bench;

import dev.executortools.internal.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The rows of the stored search index (#23), each against the build before it when {@code
 * baselineJar} is given (bench/run.sh builds it from {@code BASELINE_REV}), in the same run: {@code
 * tools search} through the launcher, MCP's first {@code search_tools}, and adding Graph beta with
 * its index.
 */
final class SearchRows {
  private static final String QUERY = "send mail";
  private static final Map<String, String> HEAP = Map.of("JAVA_OPTS", "-Xmx512m");

  private SearchRows() {}

  /**
   * {@code tools search} of the five-source home through the launcher at -Xmx512m, median of {@code
   * n}, interleaved with the start-up floor ({@code tools list} on an empty home) and the baseline.
   */
  static ScaleBenchmark.Row searchFirst(
      Path launcher, Path home, Path empty, Path baselineJar, int n) throws Exception {
    String[] search = {launcher.toString(), "--home", home.toString(), "tools", "search", QUERY};
    String[] list = {launcher.toString(), "--home", empty.toString(), "tools", "list"};
    Map<String, String> before = baselineEnv(baselineJar);
    String[] baseSearch = search.clone();
    if (before != null) baseSearch[2] = baselineHome(home).toString();
    ScaleBenchmark.wall(HEAP, list); // builds the archive when missing
    if (before != null) ScaleBenchmark.wall(before, list);
    double firstUse = ScaleBenchmark.wall(HEAP, search); // a home written before gets its indexes
    if (before != null) ScaleBenchmark.wall(before, baseSearch); // and the baseline its own
    double[] ours = new double[n], floor = new double[n], base = new double[n];
    for (int i = 0; i < n; i++) {
      ours[i] = ScaleBenchmark.wall(HEAP, search);
      floor[i] = ScaleBenchmark.wall(HEAP, list);
      if (before != null) base[i] = ScaleBenchmark.wall(before, baseSearch);
    }
    Captured run = Captured.run(List.of(search));
    String top =
        run.exit() == 0 ? Json.parse(run.stdout()).path("data").path(0).path("id").asString() : "";
    double baseline = before != null ? Measure.median(base) : Measure.median(floor);
    return new ScaleBenchmark.Row(
        "search_first_512m",
        Measure.median(ours),
        baseline,
        null,
        String.format(
            Locale.ROOT,
            "bin/executor-tools tools search \"%s\" of the five-source home, JAVA_OPTS=-Xmx512m"
                + " (each source's stored index read, no stored tool): exit %d, top %s; baseline: %s;"
                + " start-up floor (tools list on an empty home, same launcher and heap) %.0f ms;"
                + " median of %d, interleaved; the first search of the run, %.0f ms, not counted"
                + " (on a home written before, it builds and stores the indexes)",
            QUERY,
            run.exit(),
            top,
            before != null
                ? "the same command with the build before (index built from every stored tool)"
                : "the start-up floor",
            Measure.median(floor),
            n,
            firstUse));
  }

  /**
   * An MCP session in search mode through the launcher at -Xmx512m: from the initialize answer to
   * the first {@code search_tools} answer (a one-page tools/list between), median of {@code n}
   * sessions, ours and the baseline's alternated; one with plain {@code java -jar} for the notes.
   */
  static ScaleBenchmark.Row mcpSearchFirst(
      Path launcher, Path jar, Path home, Path baselineJar, int n) throws Exception {
    double[] ours = new double[n], base = new double[n];
    JsonNode last = null;
    Path baseHome = baselineJar == null ? null : baselineHome(home);
    if (baselineJar != null) McpProbe.run(mcp(launcher, baseHome, baselineJar), QUERY);
    for (int i = 0; i < n; i++) {
      last = McpProbe.run(mcp(launcher, home, null), QUERY);
      ours[i] = last.path("search_after_initialize_ms").asDouble();
      if (baselineJar != null) {
        base[i] =
            McpProbe.run(mcp(launcher, baseHome, baselineJar), QUERY)
                .path("search_after_initialize_ms")
                .asDouble();
      }
    }
    JsonNode plain = McpProbe.run("-Xmx512m", jar, home, "search", QUERY);
    return new ScaleBenchmark.Row(
        "mcp_search_first",
        Measure.median(ours),
        baselineJar == null ? null : Measure.median(base),
        null,
        String.format(
            Locale.ROOT,
            "bin/executor-tools mcp --tools search, JAVA_OPTS=-Xmx512m, five-source home: from the"
                + " initialize answer to the first search_tools \"%s\" answer (a tools/list of %d"
                + " tools before it, %.0f ms after initialize): top %s, exit %d; median of %d"
                + " sessions; plain java -jar %.0f ms; baseline: the build before%s",
            QUERY,
            last.path("tools").asInt(),
            last.path("list_after_initialize_ms").asDouble(),
            last.path("top").asString(""),
            last.path("exit").asInt(),
            n,
            plain.path("search_after_initialize_ms").asDouble(),
            baselineJar == null ? " (not given)" : ", alternated"));
  }

  private static List<String> mcp(Path launcher, Path home, Path jar) {
    List<String> command = new java.util.ArrayList<>(List.of("env", "JAVA_OPTS=-Xmx512m"));
    if (jar != null) command.add("EXECUTOR_TOOLS_JAR=" + jar);
    command.addAll(
        List.of(launcher.toString(), "--home", home.toString(), "mcp", "--tools", "search"));
    return command;
  }

  /**
   * {@code call openapi.addSource} of Graph beta at -Xmx512m into an empty home, ours (index built
   * and stored) and the baseline's, alternated, {@code n} of each.
   */
  static ScaleBenchmark.Row addWithIndex(
      String java, Path jar, Path baselineJar, Path spec, Path work, int n) throws Exception {
    double[] ours = new double[n], base = new double[n];
    long indexBytes = 0;
    for (int i = 0; i < n; i++) {
      Path home = ScaleBenchmark.fresh(work.resolve("add-ours"));
      ours[i] = ScaleBenchmark.wall(Map.of(), add(java, jar, home, spec));
      indexBytes = size(home.resolve("sources").resolve("graph_beta.search"));
      if (baselineJar != null) {
        base[i] =
            ScaleBenchmark.wall(
                Map.of(),
                add(java, baselineJar, ScaleBenchmark.fresh(work.resolve("add-base")), spec));
      }
    }
    return new ScaleBenchmark.Row(
        "add_graph_beta_with_index",
        Measure.median(ours),
        baselineJar == null ? null : Measure.median(base),
        null,
        String.format(
            Locale.ROOT,
            "whole process: java -Xmx512m -jar call --yes openapi.addSource --arg-file spec=<Graph"
                + " beta> into an empty home (read, compile, store, and the search index built on a"
                + " second thread and stored: %.1f MB); baseline: the same command with the build"
                + " before (no index)%s; median of %d, alternated",
            indexBytes / 1048576.0,
            baselineJar == null ? " (not given)" : "",
            n));
  }

  private static String[] add(String java, Path jar, Path home, Path spec) {
    return ServingRows.cli(
            java,
            jar,
            home,
            "call",
            "--yes",
            "openapi.addSource",
            "--arg-file",
            "spec=" + spec,
            "{\"namespace\": \"graph_beta\"}")
        .toArray(String[]::new);
  }

  /**
   * A copy of {@code home} for the baseline: a build that stores its index in another format would
   * otherwise rebuild it over ours on every run, and ours over its. Its first search (not counted)
   * builds its own.
   */
  private static Path baselineHome(Path home) throws java.io.IOException {
    Path copy = home.resolveSibling(home.getFileName() + "-baseline");
    if (Files.exists(copy)) {
      try (var walk = Files.walk(copy)) {
        for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
      }
    }
    try (var walk = Files.walk(home)) {
      for (Path p : walk.toList()) {
        Path target = copy.resolve(home.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(target);
        else Files.copy(p, target);
      }
    }
    return copy;
  }

  private static Map<String, String> baselineEnv(Path baselineJar) {
    return baselineJar == null
        ? null
        : Map.of("JAVA_OPTS", "-Xmx512m", "EXECUTOR_TOOLS_JAR", baselineJar.toString());
  }

  private static long size(Path file) throws java.io.IOException {
    return Files.exists(file) ? Files.size(file) : -1;
  }
}
