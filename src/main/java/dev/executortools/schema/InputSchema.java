package dev.executortools.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * A tool's input schema and where each parameter's value lives in it.
 *
 * @param schema JSON Schema 2020-12; read-only (its {@code $defs} are shared with other tools)
 * @param propertyByParamKey {@code Param.key()} ({@code query:id}) to property name ({@code id} or,
 *     after a clash, {@code id__query}), in parameter order; hidden parameters are absent
 */
public record InputSchema(ObjectNode schema, Map<String, String> propertyByParamKey) {

  public InputSchema {
    propertyByParamKey = Collections.unmodifiableMap(new LinkedHashMap<>(propertyByParamKey));
  }
}
