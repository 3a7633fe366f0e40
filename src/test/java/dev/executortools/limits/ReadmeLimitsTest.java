package dev.executortools.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.internal.Limits;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's table of limits states the values the code enforces. */
class ReadmeLimitsTest {
  @Test
  void theTableOfLimitsMatchesTheCode() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    String table = readme.substring(readme.indexOf("## Limits"), readme.indexOf("## Layout"));

    assertThat(table)
        .contains(
            "| size of one spec document | " + Limits.bytes(Limits.MAX_DOCUMENT_BYTES) + " |",
            String.format("| %,d levels |", Limits.MAX_DEPTH),
            String.format("aliases counted expanded | %,d |", Limits.MAX_NODES),
            String.format("aliases counted expanded | %,d |", Limits.MAX_EXPANDED_CHARS),
            String.format("(`1e2000` has 2,001) | %,d |", Limits.MAX_NUMBER_DIGITS),
            String.format("without a space or line break | %,d |", Limits.MAX_YAML_WORD_CHARS),
            "reported, not loaded) | " + Limits.bytes(Limits.MAX_STORED_SOURCE_BYTES) + " |",
            String.format(
                "`%s` | %,d characters |", Limits.TRUNCATION_MARKER, Limits.MAX_DESCRIPTION_CHARS),
            String.format(
                "shows 5.6 million) | %,d characters |", Limits.MAX_SOURCE_DESCRIPTION_CHARS),
            String.format(
                "more than %,d entries", dev.executortools.parse.SpecLint.MAX_LIST_LENGTH),
            String.format(
                "patterns, all values together | %,d ms |", Limits.MAX_PATTERN_MATCHING_MILLIS));
  }
}
