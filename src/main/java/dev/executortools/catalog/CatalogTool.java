package dev.executortools.catalog;

import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * One tool of a cache file: what integrations.sh stores and shows people.
 *
 * @param description executor's description, never cut ({@code ""} stays {@code ""})
 * @param inputSchema the full input schema {@code openapi.addSource} gives the tool, or null when
 *     the run writes none (the default, as integrations.sh's own lists)
 */
public record CatalogTool(String id, String name, String description, ObjectNode inputSchema) {
  public CatalogTool {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
  }
}
