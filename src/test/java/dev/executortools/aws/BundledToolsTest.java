package dev.executortools.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BundledToolsTest {
  @Test
  void thePrecompiledResourceHoldsWhatTheBundledSpecCompilesTo() {
    assertThat(BundledTools.class.getResource(BundledTools.RESOURCE))
        .as("the build writes it (exec-maven-plugin, process-classes)")
        .isNotNull();
    assertThat(BundledTools.load()).isEqualTo(BundledTools.compile());
  }

  @Test
  void theIdsKnownWithoutReadingTheToolsAreTheirIds() {
    assertThat(BundledTools.load())
        .extracting(tool -> tool.tool().id())
        .containsExactlyInAnyOrderElementsOf(BundledTools.IDS);
  }
}
