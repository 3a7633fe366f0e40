package dev.executortools.tools;

import dev.executortools.parse.SpecFetcher;
import java.util.List;

/** The plugin's own tools: {@code openapi.previewSpec} and {@code openapi.addSource}. */
public final class BuiltinTools {
  private BuiltinTools() {}

  public static List<LocalTool> create(
      SpecFetcher fetcher, SpecLoader.CredentialResolver credentials, SourceSink sink) {
    SpecLoader loader = new SpecLoader(fetcher, credentials);
    return List.of(new PreviewSpecTool(loader), new AddSourceTool(loader, sink));
  }
}
