package dev.executortools.bind;

/**
 * An argument that cannot be bound. Thrown inside the stage only; {@link RequestPlan#bind} turns it
 * into an {@code invalid_arguments} entry.
 *
 * @param pointer JSON pointer of the offending argument, e.g. {@code /xRequestId}
 */
final class BindException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String pointer;

  BindException(String pointer, String message) {
    super(message, null, false, false);
    this.pointer = pointer;
  }

  String pointer() {
    return pointer;
  }

  /** The JSON pointer of a top-level property ({@code ~} and {@code /} escaped). */
  static String pointerTo(String property) {
    return "/" + property.replace("~", "~0").replace("/", "~1");
  }
}
