package dev.executortools.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Spec patterns keep their ECMA-262 meaning on RE2, and the rest stay bounded on the JDK engine.
 */
class SpecRegexTest {
  @ParameterizedTest(name = "{0} on \"{1}\" is {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
      ^[a-z]+$              | abc          | true
      ^[a-z]+$              | abC          | false
      b                     | abc          | true
      ^b                    | abc          | false
      ^a$                   | "a\n"        | false
      ^\\d{3}$              | 123          | true
      ^\\d$                 | ٣            | false
      ^\\w+$                | héllo        | false
      ^\\p{L}+$             | Ωé日本        | true
      ^\\p{Letter}+$        | Ωé日本        | true
      ^\\p{Script=Greek}+$  | Ωλ           | true
      ^\\u00e9$             | é            | true
      ^\\u{1F600}$          | 😀           | true
      ^.$                   | 😀           | true
      ^a.b$                 | "a\rb"       | false
      ^\\s$                 | " "          | true
      ^[\\s]$               | " "          | true
      ^\\S$                 | " "          | false
      ^[\\b]$               | "\b"         | true
      ^[]$                  | ""           | false
      ^[^]$                 | "\n"         | true
      ^[[:a]+$              | [:a          | true
      ^\\cJ$                | "\n"         | true
      ^\\/$                 | /            | true
      ^a{2,3}$              | aaa          | true
      ^a{2,3}$              | aaaa         | false
      ^a{,2}$               | "a{,2}"      | true
      (?<y>[0-9]{4})-\\k<y> | 2024-2024    | true
      ^(?=.*x)[a-z]+$       | abx          | true
      ^(?=.*x)[a-z]+$       | abc          | false
      ^([ab])\\1$           | aa           | true
      ^([ab])\\1$           | ab           | false
      """)
  void matchesAsEcmaScriptWould(String pattern, String value, boolean expected) {
    assertThat(SpecRegex.compile(pattern).matches(unescape(value))).isEqualTo(expected);
  }

  @Test
  void runsOnRe2WhenItCanAndOnTheJdkEngineOtherwise() {
    assertThat(SpecRegex.compile("^(.*a){12}$").linear()).isTrue();
    assertThat(SpecRegex.compile("^\\p{L}\\u0041\\s.[^]$").linear()).isTrue();
    assertThat(SpecRegex.compile("^(a+)+\\1$").linear()).isFalse();
    assertThat(SpecRegex.compile("^(?!x)").linear()).isFalse();
  }

  @Test
  void aRepetitionTooLargeForRe2CompilesAtOnceOnTheJdkEngine() {
    SpecRegex regex =
        assertTimeoutPreemptively(
            Duration.ofSeconds(5), () -> SpecRegex.compile("((a{999}){999}){999}"));
    assertThat(regex.linear()).isFalse();
  }

  @Test
  void aPatternNeitherEngineReadsIsRefused() {
    assertThat(SpecRegex.accepts("(unclosed")).isFalse();
    assertThat(SpecRegex.accepts("[z-a]")).isFalse();
    assertThatThrownBy(() -> SpecRegex.compile("(unclosed"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void backtrackingEndsWhenTheBudgetIsSpent() {
    SpecRegex regex = SpecRegex.compile("^(a+)+\\1$");
    long start = System.nanoTime();
    assertThatThrownBy(() -> PatternBudget.run(() -> regex.matches("a".repeat(59) + "!")))
        .isInstanceOf(PatternTimeoutException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void aLongPatternIsReadAndCompiledAtOnce() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> {
          SpecRegex braces = SpecRegex.compile("x{".repeat(Re2Syntax.MAX_LENGTH / 2));
          assertThat(braces.linear()).isTrue();
          assertThat(braces.matches("x{".repeat(Re2Syntax.MAX_LENGTH / 2))).isTrue();
          assertThat(braces.matches("x{x{")).isFalse();
          assertThat(SpecRegex.accepts("{".repeat(1_000_000)))
              .isFalse(); // too large for RE2, and not Java syntax
        });
  }

  @Test
  void aLinearMatchOverAHugeValueAlsoEndsWhenTheBudgetIsSpent() {
    SpecRegex regex = SpecRegex.compile("(.*a){12}b");
    assertThat(regex.linear()).isTrue();
    String huge = "a".repeat(20_000_000);
    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () ->
            assertThatThrownBy(() -> PatternBudget.run(() -> regex.matches(huge)))
                .isInstanceOf(PatternTimeoutException.class));
  }

  private static String unescape(String value) {
    return value.replace("\\n", "\n").replace("\\r", "\r").replace("\\b", "\b");
  }
}
