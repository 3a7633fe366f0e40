package dev.executortools.extract;

import java.util.List;

/** A server URL variable: its default, allowed values (may be empty) and description. */
public record ServerVariable(String defaultValue, List<String> allowedValues, String description) {

  public ServerVariable {
    allowedValues = List.copyOf(allowedValues);
  }
}
