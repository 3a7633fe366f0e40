package dev.executortools.tools;

import java.util.List;

/** The plugin's own tools: {@code openapi.previewSpec} and {@code openapi.addSource}. */
public final class BuiltinTools {
  private BuiltinTools() {}

  public static List<LocalTool> create(SpecLoader loader, SourceSink sink) {
    return List.of(new PreviewSpecTool(loader), new AddSourceTool(loader, sink));
  }
}
