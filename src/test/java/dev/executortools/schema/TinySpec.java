package dev.executortools.schema;

import dev.executortools.extract.MediaTypeSpec;
import dev.executortools.extract.Operation;
import dev.executortools.extract.Param;
import dev.executortools.extract.RequestBodySpec;
import dev.executortools.extract.ServerSpec;
import dev.executortools.parse.SpecDocument;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Hand-written little specs and operations for schema tests. */
final class TinySpec {
  private static final YAMLMapper YAML = new YAMLMapper();

  private TinySpec() {}

  static JsonNode yaml(String text) {
    return YAML.readTree(text);
  }

  /** A 3.0.3 document whose {@code components.schemas} is the given YAML mapping. */
  static SpecDocument withSchemas(String schemasYaml) {
    return document("3.0.3", schemasYaml);
  }

  static SpecDocument document(String openapiVersion, String schemasYaml) {
    String indented = schemasYaml.strip().indent(4);
    JsonNode root =
        yaml(
            "openapi: "
                + openapiVersion
                + "\ninfo: {title: t, version: '1'}\npaths: {}\n"
                + "components:\n  schemas:\n"
                + indented);
    return new SpecDocument(root, openapiVersion, List.of());
  }

  static Param param(String name, String location, boolean required, JsonNode schema) {
    return new Param(name, location, required, null, false, schema, null, null, false, null);
  }

  static Param param(String name, String location, String schemaYaml) {
    return param(name, location, false, yaml(schemaYaml));
  }

  static Operation operation(List<Param> params, RequestBodySpec body) {
    return operation(params, body, null, List.of());
  }

  static Operation operation(
      List<Param> params, RequestBodySpec body, JsonNode success, List<ServerSpec> servers) {
    return new Operation(
        "post",
        "/things/{id}",
        "doThing",
        List.of(),
        null,
        null,
        false,
        params,
        body,
        servers,
        success,
        null);
  }

  static RequestBodySpec jsonBody(boolean required, String schemaYaml) {
    return new RequestBodySpec(
        required,
        null,
        List.of(
            new MediaTypeSpec(
                "application/json", schemaYaml == null ? null : yaml(schemaYaml), null)));
  }

  /** An operation whose only input is a required JSON body of the given schema. */
  static Operation bodyOnly(String schemaYaml) {
    return operation(List.of(), jsonBody(true, schemaYaml));
  }
}
