package dev.executortools.naming;

import dev.executortools.extract.Operation;
import java.util.List;

/** Builds bare operations: only what naming reads is set. */
final class Operations {
  private Operations() {}

  static Operation op(String method, String path, String operationId, String... tags) {
    return new Operation(
        method,
        path,
        operationId,
        List.of(tags),
        null,
        null,
        false,
        List.of(),
        null,
        List.of(),
        null,
        null);
  }
}
