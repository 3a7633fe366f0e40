package dev.executortools.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.compile.CompileOptions;
import dev.executortools.compile.ToolCompiler;
import dev.executortools.parse.SpecReader;
import dev.executortools.testing.Corpus;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ToolNamesTest {
  @Test
  void everyCorpusIdMapsToAValidUniqueNameAndBack() throws Exception {
    List<String> ids =
        new ArrayList<>(
            List.of(
                "openapi.previewSpec",
                "openapi.addSource",
                "client.registerClient",
                "deviceAuthorization.startDeviceAuthorization",
                "token.createToken"));
    for (String file : Corpus.FILES) {
      String namespace = file.substring(0, file.indexOf("__")).replaceAll("[^a-z0-9]+", "_");
      ToolCompiler.compile(
              SpecReader.read(Corpus.read(file)), null, CompileOptions.forNamespace(namespace))
          .tools()
          .forEach(t -> ids.add(t.tool().id()));
    }
    ToolNames names = ToolNames.of(ids);

    Set<String> seen = new HashSet<>();
    for (String id : ids) {
      String name = names.name(id);
      assertThat(name).as(id).matches(ToolNames.VALID);
      assertThat(seen.add(name)).as("%s is unique", name).isTrue();
      assertThat(names.id(name)).as(name).contains(id);
    }
    assertThat(ids).hasSizeGreaterThan(2_900);
  }

  @Test
  void dotsBecomeUnderscores() {
    assertThat(ToolNames.of(List.of("github.repos.get")).name("github.repos.get"))
        .isEqualTo("github_repos_get");
  }

  @Test
  void longIdsAreCutWithAStableHashSuffix() {
    String id = "graph." + "veryLongSegment".repeat(8) + ".get";
    String name = ToolNames.of(List.of(id)).name(id);

    assertThat(name).matches(ToolNames.VALID).hasSize(64).startsWith("graph_veryLongSegment");
    assertThat(ToolNames.of(List.of("other.tool", id)).name(id)).isEqualTo(name);
  }

  @Test
  void idsThatWouldShareANameGetDistinctOnes() {
    ToolNames names = ToolNames.of(List.of("a.b_c", "a_b.c", "a_b_c"));

    assertThat(names.name("a_b_c")).isEqualTo("a_b_c"); // already a valid name: keeps it
    assertThat(names.name("a.b_c")).startsWith("a_b_c_").isNotEqualTo(names.name("a_b.c"));
    assertThat(names.id(names.name("a.b_c"))).contains("a.b_c");
    assertThat(names.id(names.name("a_b.c"))).contains("a_b.c");
  }

  @Test
  void theMappingDoesNotDependOnTheOrderOfIds() {
    List<String> ids = List.of("x.y", "x_y", "z." + "q".repeat(80));
    List<String> reversed = new ArrayList<>(ids);
    java.util.Collections.reverse(reversed);
    for (String id : ids)
      assertThat(ToolNames.of(reversed).name(id)).isEqualTo(ToolNames.of(ids).name(id));
  }

  @Test
  void aShorterLongestNameCutsTheSameWayAndStaysUnique() throws Exception {
    List<String> ids = new ArrayList<>();
    ToolCompiler.compile(
            SpecReader.read(Corpus.read("github.com__api.github.com__1.1.4.openapi.yaml")),
            null,
            CompileOptions.forNamespace("github"))
        .tools()
        .forEach(t -> ids.add(t.tool().id()));
    ToolNames names = ToolNames.of(ids, 56);

    Set<String> seen = new HashSet<>();
    int cut = 0;
    for (String id : ids) {
      String name = names.name(id);
      assertThat(name).as(id).hasSizeLessThanOrEqualTo(56).matches(ToolNames.VALID);
      assertThat(seen.add(name)).as("%s is unique", name).isTrue();
      assertThat(names.id(name)).contains(id);
      String plain = id.replace('.', '_');
      if (plain.length() > 56) {
        cut++;
        assertThat(name)
            .hasSize(56)
            .startsWith(plain.substring(0, 47) + "_")
            .matches(".*_[0-9a-f]{8}");
      } else {
        assertThat(name).isEqualTo(plain);
      }
    }
    assertThat(cut).isGreaterThan(10);
    assertThat(ToolNames.of(ids).name(ids.get(0)))
        .isEqualTo(ToolNames.of(ids, 64).name(ids.get(0)));
  }

  @Test
  void aLongestNameOutsideSixteenToSixtyFourIsRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ToolNames.of(List.of("a.b"), 15))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("16 to 64");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ToolNames.of(List.of("a.b"), 65))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ToolNames.of(List.of("a." + "b".repeat(30)), 16).name("a." + "b".repeat(30)))
        .hasSize(16);
  }
}
