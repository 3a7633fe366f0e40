package dev.executortools.compile;

import java.util.List;

/** What a compiled tool keeps of its operation for listings, previews and catalogs. */
public record OperationInfo(
    String operationId, String summary, List<String> tags, boolean deprecated) {

  public OperationInfo {
    tags = List.copyOf(tags);
  }
}
