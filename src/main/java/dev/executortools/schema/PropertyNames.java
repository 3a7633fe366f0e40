package dev.executortools.schema;

import dev.executortools.extract.Param;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The input-schema property of each parameter: its own name, unless that name is shared with a
 * parameter of another location or is one of the reserved {@code body}, {@code contentType}, {@code
 * server}. Then every parameter of that name becomes {@code name__location} ({@code id__path},
 * {@code id__query}, {@code body__query}), with {@code _2}, {@code _3}… appended while the result
 * is still taken.
 */
final class PropertyNames {
  static final Set<String> RESERVED = Set.of("body", "contentType", "server");

  private PropertyNames() {}

  /** Param.key() to property name, in parameter order. */
  static Map<String, String> assign(List<Param> params) {
    Map<String, Set<String>> locationsByName = new HashMap<>();
    for (Param param : params) {
      locationsByName.computeIfAbsent(param.name(), n -> new HashSet<>()).add(param.location());
    }
    Set<String> taken = new HashSet<>(RESERVED);
    for (Param param : params) {
      if (!clashes(param, locationsByName)) taken.add(param.name());
    }
    Map<String, String> byKey = new LinkedHashMap<>();
    for (Param param : params) {
      if (byKey.containsKey(param.key())) continue;
      String property = param.name();
      if (clashes(param, locationsByName)) {
        String base = param.name() + "__" + param.location();
        property = base;
        for (int n = 2; taken.contains(property); n++) property = base + "_" + n;
        taken.add(property);
      }
      byKey.put(param.key(), property);
    }
    return byKey;
  }

  private static boolean clashes(Param param, Map<String, Set<String>> locationsByName) {
    return RESERVED.contains(param.name()) || locationsByName.get(param.name()).size() > 1;
  }
}
