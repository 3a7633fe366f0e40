package dev.executortools.parse;

import dev.executortools.ErrorCode;
import dev.executortools.internal.Limits;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.core.JacksonException;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads YAML into a JSON tree with snakeyaml-engine (through Jackson's YAML parser), resolving
 * anchors and aliases, which Jackson's own tree reader leaves as plain strings. An alias shares the
 * anchored node; what the aliases expand to counts against {@link Limits}, so an alias bomb, or one
 * large value repeated many times, is refused instead of walked.
 */
final class YamlTreeReader {
  /** Largest YAML accepted, in code points: the document limit, whatever its encoding. */
  static final int MAX_CODE_POINTS = (int) Limits.MAX_DOCUMENT_BYTES;

  private YamlTreeReader() {}

  static JsonNode read(String text) throws SpecException {
    requireShortWords(text);
    try (AnchoredYamlParser parser =
        (AnchoredYamlParser) factory(text.length()).createParser(ObjectReadContext.empty(), text)) {
      return new TreeBuilder(parser, parser, true).document("YAML");
    } catch (JacksonException e) {
      throw new SpecException(
          ErrorCode.OPENAPI_PARSE_FAILED, "invalid YAML: " + e.getOriginalMessage() + location(e));
    }
  }

  /**
   * snakeyaml-engine copies its read-ahead window each time it refills it, and the window holds the
   * whole word being scanned: with its default 1 KiB buffer a word of n characters costs n²/1024
   * copies (8 MB without a space: half a minute). A buffer of a sixteenth of the document makes
   * that at most 16 n.
   */
  private static YAMLFactory factory(int length) {
    return new AnchoredYamlParser.Factory(
        YAMLFactory.builder()
            .loadSettings(
                LoadSettings.builder()
                    .setCodePointLimit(MAX_CODE_POINTS)
                    .setBufferSize(Math.max(1024, Math.min(length / 16, 4 << 20)))
                    .setAllowRecursiveKeys(false)
                    .setAllowDuplicateKeys(true)
                    .setUseMarks(true)
                    .build())
            .streamReadConstraints(Limits.readConstraints())
            .build());
  }

  private static void requireShortWords(String text) throws SpecException {
    int run = 0;
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      run = c == ' ' || c == '\n' || c == '\r' || c == '\t' ? 0 : run + 1;
      if (run > Limits.MAX_YAML_WORD_CHARS) {
        throw new SpecException(
            ErrorCode.OPENAPI_PARSE_FAILED,
            String.format(
                "the document has a run of more than %,d characters without a space or line break"
                    + " (the limit for YAML)",
                Limits.MAX_YAML_WORD_CHARS));
      }
    }
  }

  private static String location(JacksonException e) {
    var where = e.getLocation();
    return where == null || where.getLineNr() < 0
        ? ""
        : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
  }
}
