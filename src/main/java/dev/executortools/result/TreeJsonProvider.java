package dev.executortools.result;

import com.jayway.jsonpath.InvalidJsonException;
import com.jayway.jsonpath.spi.json.AbstractJsonProvider;
import dev.executortools.internal.Json;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Jayway JsonPath over our Jackson 3 trees, without copying them: selections hold the tree's own
 * nodes. Every step of an evaluation counts against a {@link Budget}; past it every further step
 * throws, so no path a model writes runs longer than the budget allows.
 */
final class TreeJsonProvider extends AbstractJsonProvider {
  private final Budget budget;

  TreeJsonProvider(Budget budget) {
    this.budget = budget;
  }

  /** Steps and time one evaluation may take. */
  static final class Budget {
    private final long deadline;
    private long steps;
    private boolean spent;

    Budget(long maxSteps, long maxNanos) {
      this.steps = maxSteps;
      this.deadline = System.nanoTime() + maxNanos;
    }

    void step() {
      if (spent || --steps < 0 || (steps & 1023) == 0 && System.nanoTime() > deadline) {
        spent = true;
        throw new SpentException();
      }
    }

    boolean spent() {
      return spent;
    }
  }

  /** Thrown when the budget is spent. */
  static final class SpentException extends RuntimeException {
    SpentException() {
      super("the selection took too long", null, false, false);
    }
  }

  @Override
  public Object parse(String json) throws InvalidJsonException {
    try {
      return Json.MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw new InvalidJsonException(e);
    }
  }

  @Override
  public Object parse(InputStream json, String charset) throws InvalidJsonException {
    try {
      return Json.MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw new InvalidJsonException(e);
    }
  }

  @Override
  public String toJson(Object value) {
    return Json.write(node(value));
  }

  @Override
  public Object createArray() {
    budget.step();
    return Json.array();
  }

  @Override
  public Object createMap() {
    budget.step();
    return Json.object();
  }

  @Override
  public boolean isArray(Object value) {
    return value instanceof ArrayNode || super.isArray(value);
  }

  @Override
  public boolean isMap(Object value) {
    return value instanceof ObjectNode || super.isMap(value);
  }

  @Override
  public Object getArrayIndex(Object array, int index) {
    budget.step();
    return array instanceof ArrayNode node
        ? unwrap(node.get(index))
        : super.getArrayIndex(array, index);
  }

  @Override
  public Object getMapValue(Object map, String key) {
    budget.step();
    if (!(map instanceof ObjectNode node)) return super.getMapValue(map, key);
    JsonNode value = node.get(key);
    return value == null ? UNDEFINED : unwrap(value);
  }

  @Override
  public void setArrayIndex(Object array, int index, Object value) {
    budget.step();
    if (!(array instanceof ArrayNode node)) {
      super.setArrayIndex(array, index, value);
    } else if (index == node.size()) {
      node.add(node(value));
    } else {
      node.set(index, node(value));
    }
  }

  @Override
  public void setProperty(Object target, Object key, Object value) {
    budget.step();
    if (target instanceof ObjectNode node) {
      node.set(key.toString(), node(value));
    } else if (target instanceof ArrayNode node) {
      int index =
          key == null
              ? node.size()
              : key instanceof Integer i ? i : Integer.parseInt(key.toString());
      setArrayIndex(node, index, value);
    } else {
      super.setProperty(target, key, value);
    }
  }

  @Override
  public void removeProperty(Object target, Object key) {
    throw new UnsupportedOperationException("a selection changes nothing");
  }

  @Override
  public Collection<String> getPropertyKeys(Object map) {
    budget.step();
    if (!(map instanceof ObjectNode node)) return super.getPropertyKeys(map);
    List<String> keys = new ArrayList<>(node.size());
    node.propertyNames().forEach(keys::add);
    return keys;
  }

  @Override
  public int length(Object value) {
    budget.step();
    if (value instanceof JsonNode node && (node.isArray() || node.isObject())) return node.size();
    if (value instanceof JsonNode node && node.isString()) return node.stringValue().length();
    return super.length(value);
  }

  @Override
  public Iterable<?> toIterable(Object value) {
    budget.step();
    if (!(value instanceof ArrayNode node)) return super.toIterable(value);
    List<Object> items = new ArrayList<>(node.size());
    for (JsonNode item : node) {
      budget.step();
      items.add(unwrap(item));
    }
    return items;
  }

  /** Scalars as Java values (what filters compare), containers as they are. */
  @Override
  public Object unwrap(Object value) {
    if (!(value instanceof JsonNode node) || node.isContainer()) return value;
    if (node.isNull() || node.isMissingNode()) return null;
    if (node.isString()) return node.stringValue();
    if (node.isBoolean()) return node.booleanValue();
    if (node.isNumber()) return node.numberValue();
    return value;
  }

  /** A value of a selection as a tree node: nodes as they are, Java values converted. */
  static JsonNode node(Object value) {
    if (value == null) return JsonNodeFactory.instance.nullNode();
    if (value instanceof JsonNode node) return node;
    if (value instanceof String text) return JsonNodeFactory.instance.stringNode(text);
    if (value instanceof Boolean bool) return JsonNodeFactory.instance.booleanNode(bool);
    if (value instanceof Number || value instanceof Map<?, ?> || value instanceof List<?>) {
      return Json.MAPPER.valueToTree(value);
    }
    return JsonNodeFactory.instance.stringNode(value.toString());
  }
}
