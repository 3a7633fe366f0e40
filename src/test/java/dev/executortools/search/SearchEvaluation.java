package dev.executortools.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * A set of natural-language tasks with the tool ids that do them, and the recall of a ranking over
 * it: the share of tasks with a right id among the first k results.
 */
public record SearchEvaluation(List<Task> tasks) {

  public record Task(String query, Set<String> expected) {}

  /** One task's outcome: the rank (1-based) of the first right id, 0 when not in the results. */
  public record Outcome(Task task, int rank, List<String> top) {}

  public record Report(List<Outcome> outcomes) {
    public double recallAt(int k) {
      long found = outcomes.stream().filter(o -> o.rank() > 0 && o.rank() <= k).count();
      return (double) found / outcomes.size();
    }

    public List<Outcome> missesAt(int k) {
      return outcomes.stream().filter(o -> o.rank() == 0 || o.rank() > k).toList();
    }

    public String summary() {
      StringBuilder out = new StringBuilder();
      out.append(
          String.format(
              "tasks %d, recall@1 %.3f, recall@5 %.3f, recall@10 %.3f%n",
              outcomes.size(), recallAt(1), recallAt(5), recallAt(10)));
      for (Outcome miss : missesAt(5)) {
        out.append(
            String.format(
                "  rank %s for \"%s\" (want %s) top: %s%n",
                miss.rank() == 0 ? ">10" : miss.rank(),
                miss.task().query(),
                miss.task().expected(),
                miss.top().subList(0, Math.min(5, miss.top().size()))));
      }
      return out.toString();
    }
  }

  /** Tasks from TSV text: {@code query<TAB>id[,id...]}; {@code #} lines are comments. */
  public static SearchEvaluation parse(String tsv) {
    List<Task> tasks = new ArrayList<>();
    for (String line : tsv.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) continue;
      String[] parts = line.split("\t");
      if (parts.length != 2) throw new IllegalArgumentException("not query<TAB>ids: " + line);
      tasks.add(new Task(parts[0].strip(), Set.of(parts[1].strip().split(","))));
    }
    return new SearchEvaluation(List.copyOf(tasks));
  }

  /** Runs every task through {@code search} (query, limit → ranked ids) with limit 10. */
  public Report run(BiFunction<String, Integer, List<String>> search) {
    List<Outcome> outcomes = new ArrayList<>();
    for (Task task : tasks) {
      List<String> top = search.apply(task.query(), 10);
      int rank = 0;
      for (int i = 0; i < top.size(); i++) {
        if (task.expected().contains(top.get(i))) {
          rank = i + 1;
          break;
        }
      }
      outcomes.add(new Outcome(task, rank, top));
    }
    return new Report(outcomes);
  }
}
