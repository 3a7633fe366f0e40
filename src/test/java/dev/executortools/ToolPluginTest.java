package dev.executortools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolPluginTest {
  @TempDir Path home;

  @Test
  void hostsFindThePluginWithServiceLoader() {
    ToolPlugin plugin = ServiceLoader.load(ToolPlugin.class).findFirst().orElseThrow();
    assertThat(plugin.name()).isEqualTo("executor-tools");
    try (ToolRegistry registry = plugin.open(Map.of("home", home.toString()))) {
      assertThat(registry.tools())
          .extracting(Tool::id)
          .contains("openapi.addSource", "token.createToken");
    }
  }
}
