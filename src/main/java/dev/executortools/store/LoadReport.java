package dev.executortools.store;

import dev.executortools.StoreProblem;
import dev.executortools.home.StoreException;
import java.util.List;

/** What a load found: the readable sources and a problem for each entry that is not. */
public record LoadReport(List<StoredSource> sources, List<StoreProblem> problems) {

  public LoadReport {
    sources = List.copyOf(sources);
    problems = List.copyOf(problems);
  }

  /** The problem a failed read of {@code namespace} reports. */
  public static StoreProblem problem(String namespace, StoreException e) {
    return new StoreProblem(
        namespace, e.getMessage(), e.file() == null ? null : e.file().toString());
  }
}
