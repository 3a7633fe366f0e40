package dev.executortools.limits;

/** Generated documents of one shape at any size, for the hostile-document and scaling tests. */
final class Shapes {
  private static final String HEAD = "openapi: 3.0.0\ninfo: {title: S, version: '1'}\n";

  private Shapes() {}

  /** One operation whose body schema is S0, where each Si is allOf [S(i+1), an object]: JSON. */
  static String allOfChain(int length) {
    StringBuilder json =
        new StringBuilder(64 * length)
            .append(
                "{\"openapi\":\"3.0.0\",\"info\":{\"title\":\"C\",\"version\":\"1\"},\"paths\":{\"/a\":{\"post\":")
            .append(
                "{\"requestBody\":{\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/S0\"}}}},")
            .append(
                "\"responses\":{\"200\":{\"description\":\"ok\"}}}}},\"components\":{\"schemas\":{");
    for (int i = 0; i < length; i++) {
      if (i > 0) json.append(',');
      json.append("\"S").append(i).append("\":{\"allOf\":[");
      if (i + 1 < length)
        json.append("{\"$ref\":\"#/components/schemas/S").append(i + 1).append("\"},");
      json.append("{\"type\":\"object\",\"properties\":{\"p")
          .append(i)
          .append("\":{\"type\":\"string\"}}}]}");
    }
    return json.append("}}}").toString();
  }

  /** A document with one plain YAML string of about {@code chars} characters. */
  static String longYamlString(int chars) {
    return HEAD
        + "paths: {}\nx-s: "
        + "ab ".repeat(chars / 3)
        + "\nx-q: \""
        + "cd ".repeat(chars / 6)
        + "\"\n";
  }

  /** A schema with {@code count} required property names. */
  static String requiredList(int count) {
    StringBuilder yaml =
        new StringBuilder(HEAD)
            .append("paths: {}\ncomponents: {schemas: {A: {type: object, required: [");
    for (int i = 0; i < count; i++) yaml.append(i > 0 ? "," : "").append('p').append(i);
    return yaml.append("]}}}\n").toString();
  }

  /**
   * About {@code chars} characters of small nested lists under an extension (YAML: spaced as people
   * write it).
   */
  static String nestedLists(int chars, boolean json) {
    StringBuilder text = new StringBuilder(chars + 200);
    text.append(
        json
            ? "{\"openapi\":\"3.0.0\",\"info\":{\"title\":\"N\",\"version\":\"1\"},\"paths\":{},\"x-l\":["
            : HEAD + "paths: {}\nx-l: [");
    String item = json ? "[[1],[2,[3]]]" : "[[1], [2, [3]]]";
    for (int i = 0; text.length() < chars; i++)
      text.append(i > 0 ? (json ? "," : ", ") : "").append(item);
    return text.append(json ? "]}" : "]\n").toString();
  }

  /**
   * {@code operations} operations that each reference the same {@code parameters} parameters
   * (components/parameters), each described by about {@code descriptionChars} characters, beside
   * its schema or ({@code inSchema}) within it: YAML.
   */
  static String sharedParameters(
      int operations, int parameters, int descriptionChars, boolean inSchema) {
    StringBuilder yaml = new StringBuilder(HEAD).append("components:\n  parameters:\n");
    for (int p = 0; p < parameters; p++) {
      yaml.append("    P")
          .append(p)
          .append(":\n      name: p")
          .append(p)
          .append(
              inSchema
                  ? "\n      in: query\n      schema:\n        type: string\n        description: \""
                  : "\n      in: query\n      schema: {type: string}\n      description: \"")
          .append(("word" + p + " ").repeat(descriptionChars / (6 + String.valueOf(p).length())))
          .append("\"\n");
    }
    yaml.append("paths:\n");
    for (int o = 0; o < operations; o++) {
      yaml.append("  /o")
          .append(o)
          .append(":\n    get:\n      responses: {'200': {description: ok}}\n      parameters:\n");
      for (int p = 0; p < parameters; p++) {
        yaml.append("        - $ref: '#/components/parameters/P").append(p).append("'\n");
      }
    }
    return yaml.toString();
  }
}
