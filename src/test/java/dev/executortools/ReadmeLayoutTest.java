package dev.executortools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** README "Layout" states the package map {@link ArchitectureTest} checks, row for row. */
class ReadmeLayoutTest {
  private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\|[^|]*\\| ([^|]*) \\|$");
  private static final Pattern NAME = Pattern.compile("`([^`]+)`");

  @Test
  void theLayoutTableIsTheMapTheArchitectureTestChecks() throws IOException {
    Map<String, Set<String>> table = layoutTable(Path.of("README.md"));
    assertThat(new ArrayList<>(table.keySet()))
        .as("the rows, bottom up")
        .containsExactlyElementsOf(ArchitectureTest.MAY_USE.keySet());
    table.forEach(
        (name, uses) ->
            assertThat(uses)
                .as("what `" + name + "` may use")
                .containsExactlyInAnyOrderElementsOf(ArchitectureTest.MAY_USE.get(name)));
  }

  @Test
  void aRowThatDiffersFromTheMapIsFound() {
    Map<String, Set<String>> table =
        layoutTable(
            List.of(
                "## Layout",
                "",
                "| package | holds | may use |",
                "|---|---|---|",
                "| `internal` | helpers | – |",
                "| `home` | files | `internal`, `store` |",
                "",
                "## Next"));
    assertThat(table).containsOnlyKeys("internal", "home");
    assertThat(table.get("internal")).isEmpty();
    assertThat(table.get("home"))
        .containsExactlyInAnyOrder("internal", "store")
        .isNotEqualTo(ArchitectureTest.MAY_USE.get("home"));
  }

  static Map<String, Set<String>> layoutTable(Path readme) throws IOException {
    return layoutTable(Files.readAllLines(readme));
  }

  /**
   * The rows of the table under {@code ## Layout}: package → the packages its last column names.
   */
  static Map<String, Set<String>> layoutTable(List<String> lines) {
    Map<String, Set<String>> rows = new LinkedHashMap<>();
    boolean inLayout = false;
    for (String line : lines) {
      if (line.startsWith("## ")) inLayout = line.equals("## Layout");
      if (!inLayout) continue;
      Matcher row = ROW.matcher(line);
      if (!row.matches()) continue;
      Set<String> uses = new TreeSet<>();
      Matcher name = NAME.matcher(row.group(2));
      while (name.find()) uses.add(name.group(1));
      assertThat(rows.put(row.group(1), uses)).as("`" + row.group(1) + "` has one row").isNull();
    }
    return rows;
  }
}
