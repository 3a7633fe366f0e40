package dev.executortools.schema;

import dev.executortools.internal.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A JSON value within a byte budget when cutting {@code $defs} ({@link ModelSchemas}) is not
 * enough: its largest parts become placeholders that name their JSON pointer, largest first, and a
 * part larger than what is still to cut is cut inside instead when that is enough, so the outer
 * structure (property names) stays. Pure: a copy is returned, {@code node} is not modified.
 */
public final class PartCut {
  private PartCut() {}

  /**
   * {@code node} itself when it fits in {@code budgetBytes} of compact JSON, else a copy with
   * placeholders ({@code placeholder} of a part's pointer, {@code pointer} being {@code node}'s),
   * or the placeholder of {@code node} itself when no such copy fits.
   */
  public static JsonNode within(
      JsonNode node, int budgetBytes, String pointer, Function<String, JsonNode> placeholder) {
    JsonNode out = node;
    int size = ModelSchemas.sizeOf(out);
    while (size > budgetBytes) {
      JsonNode cut = shrink(out, pointer, size - budgetBytes, placeholder);
      int after = ModelSchemas.sizeOf(cut);
      if (after >= size) break;
      out = cut;
      size = after;
    }
    return size <= budgetBytes ? out : placeholder.apply(pointer);
  }

  private record Part(String key, int index, JsonNode value, int size) {}

  private static JsonNode shrink(
      JsonNode node, String pointer, int excess, Function<String, JsonNode> placeholder) {
    if (!node.isContainer()) return placeholder.apply(pointer);
    List<Part> parts = new ArrayList<>();
    if (node instanceof ObjectNode object) {
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        parts.add(
            new Part(field.getKey(), -1, field.getValue(), ModelSchemas.sizeOf(field.getValue())));
      }
    } else {
      for (int i = 0; i < node.size(); i++)
        parts.add(new Part(null, i, node.get(i), ModelSchemas.sizeOf(node.get(i))));
    }
    JsonNode copy = shallowCopy(node);
    parts.sort(Comparator.comparingInt(p -> -p.size()));
    int saved = 0;
    for (Part part : parts) {
      if (saved >= excess) break;
      String at =
          pointer
              + "/"
              + (part.key() != null
                  ? SchemaPart.escape(part.key())
                  : Integer.toString(part.index()));
      JsonNode stub = placeholder.apply(at);
      int stubSize = ModelSchemas.sizeOf(stub);
      if (part.size() <= stubSize) break; // the rest are smaller still
      int need = excess - saved;
      JsonNode replacement = stub;
      if (part.value().isContainer() && part.size() - need > stubSize) {
        JsonNode inside = shrink(part.value(), at, need, placeholder);
        if (part.size() - ModelSchemas.sizeOf(inside) >= need) replacement = inside;
      }
      saved += part.size() - ModelSchemas.sizeOf(replacement);
      if (copy instanceof ObjectNode object) object.set(part.key(), replacement);
      else ((ArrayNode) copy).set(part.index(), replacement);
    }
    return copy;
  }

  private static JsonNode shallowCopy(JsonNode node) {
    if (node instanceof ObjectNode object) {
      ObjectNode copy = Json.object();
      object.properties().forEach(e -> copy.set(e.getKey(), e.getValue()));
      return copy;
    }
    ArrayNode copy = Json.array();
    node.forEach(copy::add);
    return copy;
  }
}
