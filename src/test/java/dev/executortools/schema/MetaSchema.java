package dev.executortools.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import dev.executortools.internal.Json;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON Schema 2020-12 meta-schema (bundled with networknt, loaded from its classpath). */
final class MetaSchema {
  private static final Schema META =
      SchemaRegistry.withDialect(Dialects.getDraft202012())
          .getSchema(SchemaLocation.of(Dialects.getDraft202012().getId()));

  private MetaSchema() {}

  /** Meta-schema violations of a schema, as "location: message". */
  static List<String> violations(JsonNode schema) {
    return META.validate(schema).stream().map(Object::toString).distinct().toList();
  }

  /** Asserts the schema is valid 2020-12 and networknt can build a validator from it and run it. */
  static <T extends JsonNode> T assertValid(T schema) {
    assertThat(violations(schema)).as("meta-schema violations of %s", Json.write(schema)).isEmpty();
    if (schema instanceof ObjectNode object) {
      List<ArgumentProblem> problems = ArgumentValidator.forSchema(object).validate(Json.object());
      assertThat(problems)
          .noneMatch(p -> p.message().startsWith("the tool's input schema cannot be used"));
      assertThat(problems)
          .noneMatch(p -> p.message().startsWith("arguments are nested too deeply"));
    }
    return schema;
  }
}
