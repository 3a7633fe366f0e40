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

  private static final YAMLFactory FACTORY = new AnchoredYamlParser.Factory(
      YAMLFactory.builder()
          .loadSettings(
              LoadSettings.builder()
                  .setCodePointLimit(MAX_CODE_POINTS)
                  .setAllowRecursiveKeys(false)
                  .setAllowDuplicateKeys(true)
                  .setUseMarks(true)
                  .build())
          .streamReadConstraints(Limits.readConstraints())
          .build());

  private YamlTreeReader() {}

  static JsonNode read(String text) throws SpecException {
    try (AnchoredYamlParser parser =
        (AnchoredYamlParser) FACTORY.createParser(ObjectReadContext.empty(), text)) {
      return new TreeBuilder(parser, parser, true).document("YAML");
    } catch (JacksonException e) {
      throw new SpecException(ErrorCode.OPENAPI_PARSE_FAILED, "invalid YAML: " + e.getOriginalMessage()
          + location(e));
    }
  }

  private static String location(JacksonException e) {
    var where = e.getLocation();
    return where == null || where.getLineNr() < 0
        ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
  }
}
