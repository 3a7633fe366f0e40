package dev.executortools.internal;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamWriteConstraints;

/**
 * The one set of bounds for everything the plugin reads or writes: specs (fetched, inline or from a
 * file), arguments, upstream responses and its own stored files. Reading and writing use the same
 * numbers, so whatever was accepted can be stored and read back. Each is chosen so that a document
 * at every limit at once is handled within a 512 MB heap; past a limit, input is refused with an
 * error that names it.
 */
public final class Limits {
  /** Largest spec document, in bytes (UTF-8) or characters of inline text. */
  public static final long MAX_DOCUMENT_BYTES = 64L * 1024 * 1024;

  /** Deepest nesting of objects and arrays in any JSON or YAML read or written. */
  public static final int MAX_DEPTH = 1_000;

  /** Most values (objects, arrays, scalars) in one spec document, YAML aliases counted expanded. */
  public static final long MAX_NODES = 3_000_000;

  /** Most characters of names and strings in one spec document, YAML aliases counted expanded. */
  public static final long MAX_EXPANDED_CHARS = MAX_DOCUMENT_BYTES;

  /** Most digits of one number, written out in full ({@code 1e2000} has 2,001). */
  public static final int MAX_NUMBER_DIGITS = 1_000;

  /**
   * Longest run of characters without a space or line break in a YAML document: snakeyaml-engine
   * holds such a run as 4-byte code points while it scans it.
   */
  public static final int MAX_YAML_WORD_CHARS = 16 * 1024 * 1024;

  /** Longest single string in any JSON read (a whole inline spec is one string argument). */
  public static final int MAX_STRING_CHARS = (int) MAX_DOCUMENT_BYTES;

  /** Longest JSON text read in one piece (a stored source file, an argument document). */
  public static final long MAX_JSON_CHARS = 4 * MAX_DOCUMENT_BYTES;

  /** Largest file {@code addSource} may write for one source, and largest one read back. */
  public static final long MAX_STORED_SOURCE_BYTES = 256L * 1024 * 1024;

  /**
   * Time all of one call's checks of arguments against a spec's patterns may take together; past it
   * the call is refused ({@code invalid_arguments}).
   */
  public static final long MAX_PATTERN_MATCHING_MILLIS = 500;

  /** Longest description (tool, parameter or schema) a model is shown; longer ones are cut. */
  public static final int MAX_DESCRIPTION_CHARS = 4_000;

  /**
   * Most characters of descriptions and titles the tools of one source show, each tool counting the
   * texts it shows (a parameter that many operations reference counts once for each).
   */
  public static final long MAX_SOURCE_DESCRIPTION_CHARS = 32L * 1024 * 1024;

  /** What ends a description that was cut. */
  public static final String TRUNCATION_MARKER = "… [truncated]";

  private Limits() {}

  public static StreamReadConstraints readConstraints() {
    return StreamReadConstraints.builder()
        .maxNestingDepth(MAX_DEPTH)
        .maxNumberLength(MAX_NUMBER_DIGITS)
        .maxStringLength(MAX_STRING_CHARS)
        .maxDocumentLength(MAX_JSON_CHARS)
        .build();
  }

  public static StreamWriteConstraints writeConstraints() {
    return StreamWriteConstraints.builder().maxNestingDepth(MAX_DEPTH).build();
  }

  /** {@code text} cut to {@link #MAX_DESCRIPTION_CHARS} with the marker; null stays null. */
  public static String description(String text) {
    if (text == null || text.length() <= MAX_DESCRIPTION_CHARS) return text;
    int end = MAX_DESCRIPTION_CHARS - TRUNCATION_MARKER.length();
    if (Character.isHighSurrogate(text.charAt(end - 1))) end--;
    return text.substring(0, end) + TRUNCATION_MARKER;
  }

  /** A size in MiB or a count with separators, for messages that name a limit. */
  public static String bytes(long bytes) {
    return bytes % (1024 * 1024) == 0 ? (bytes >> 20) + " MiB" : String.format("%,d bytes", bytes);
  }
}
