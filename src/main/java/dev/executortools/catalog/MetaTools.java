package dev.executortools.catalog;

import dev.executortools.Tool;
import dev.executortools.tools.BuiltinTools;
import dev.executortools.tools.LocalTool;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code openapi.previewSpec} and {@code openapi.addSource} as integrations.sh lists them after
 * every API's own tools: named by their id, described as executor's SDK describes them.
 */
final class MetaTools {
  /** How many tools this adds to every {@code ok} entry. */
  static final int COUNT = 2;

  static final String PREVIEW_ID = "openapi.previewSpec";
  static final String ADD_ID = "openapi.addSource";
  static final String PREVIEW_DESCRIPTION =
      "Preview an OpenAPI document before adding it as a source";
  static final String ADD_DESCRIPTION =
      "Add an OpenAPI source and register its operations as tools";

  private MetaTools() {}

  /** The two tools, previewSpec first; with this plugin's input schemas when asked for. */
  static List<CatalogTool> list(boolean inputSchemas) {
    return List.of(
        new CatalogTool(
            PREVIEW_ID, PREVIEW_ID, PREVIEW_DESCRIPTION, inputSchemas ? schema(PREVIEW_ID) : null),
        new CatalogTool(ADD_ID, ADD_ID, ADD_DESCRIPTION, inputSchemas ? schema(ADD_ID) : null));
  }

  /** Only the descriptors are used: the tools are never run here, so they get no loader or sink. */
  private static ObjectNode schema(String id) {
    for (LocalTool tool : BuiltinTools.create(null, null)) {
      Tool descriptor = tool.descriptor();
      if (descriptor.id().equals(id)) return descriptor.inputSchema();
    }
    throw new IllegalStateException("no built-in tool " + id);
  }
}
