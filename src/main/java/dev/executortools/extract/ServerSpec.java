package dev.executortools.extract;

import java.util.Map;

/** A server entry: a URL template and its variables (name to default and allowed values). */
public record ServerSpec(String url, String description, Map<String, ServerVariable> variables) {

  public ServerSpec {
    variables = Map.copyOf(variables);
  }
}
