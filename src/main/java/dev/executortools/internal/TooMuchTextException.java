package dev.executortools.internal;

/**
 * A source's tools would show more than {@link Limits#MAX_SOURCE_DESCRIPTION_CHARS} characters of
 * descriptions: it is not compiled further, nor stored (an {@code openapi_parse_failed} value).
 */
public final class TooMuchTextException extends RuntimeException {
  public TooMuchTextException() {
    super(
        String.format(
            "the tools compiled from this document would show more than %,d characters of"
                + " descriptions and titles (the limit for one source; each tool counts the texts"
                + " it shows, however often the document references them)",
            Limits.MAX_SOURCE_DESCRIPTION_CHARS),
        null,
        false,
        false);
  }
}
