package dev.executortools.catalog;

import dev.executortools.Tool;
import dev.executortools.tools.BuiltinTools;
import dev.executortools.tools.LocalTool;
import java.util.Comparator;
import java.util.List;

/**
 * {@code openapi.addSource} and {@code openapi.previewSpec} as the plugin lists them:
 * integrations.sh lists them with every API's tools, so every {@code ok} entry starts with them.
 */
final class StaticTools {
  /** Only the descriptors are used: the tools are never run here, so they get no loader or sink. */
  static final List<Tool> ALL =
      BuiltinTools.create(null, null).stream()
          .map(LocalTool::descriptor)
          .sorted(Comparator.comparing(Tool::id))
          .toList();

  private StaticTools() {}
}
