package dev.executortools.tools;

import dev.executortools.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import tools.jackson.databind.node.ObjectNode;

/** Input schemas of the plugin's own tools, kept as JSON resources beside this class. */
final class ToolSchemas {
  private ToolSchemas() {}

  static ObjectNode load(String name) {
    ObjectNode schema = read(name);
    ObjectNode credentialMap = read("credential-map.json");
    ObjectNode defs = schema.putObject("$defs");
    defs.set("CredentialMap", credentialMap);
    if (schema.path("properties").has("auth")) {
      defs.set("AuthMap", read("auth-map.json"));
      defs.set("CredentialValue", credentialMap.get("additionalProperties").deepCopy());
    }
    return schema;
  }

  private static ObjectNode read(String name) {
    try (InputStream in = ToolSchemas.class.getResourceAsStream(name)) {
      if (in == null) throw new IllegalStateException("missing resource " + name);
      return (ObjectNode) Json.MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
