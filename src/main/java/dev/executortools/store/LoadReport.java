package dev.executortools.store;

import java.util.List;

/** What a load found: the readable sources and a problem for each entry that is not. */
public record LoadReport(List<StoredSource> sources, List<StoreProblem> problems) {

  public LoadReport {
    sources = List.copyOf(sources);
    problems = List.copyOf(problems);
  }
}
