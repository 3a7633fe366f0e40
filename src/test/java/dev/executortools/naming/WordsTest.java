package dev.executortools.naming;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WordsTest {
  @ParameterizedTest(name = "words({0}) = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "HTTPServer        | HTTP Server",
        "ABCDef            | ABC Def",
        "getV2Users        | get V2 Users",
        "get2FAStatus      | get2 FA Status",
        "aBC               | a BC",
        "snake_case__id    | snake case id",
        "'  spaced  out  ' | spaced out",
        "v1.2-beta         | v1 2 beta",
        "ünïcode           | n code",
        "ALLCAPS           | ALLCAPS",
        "A1B2              | A1 B2",
      })
  void wordsBreakAtCaseChangesAndNonAlphanumerics(String input, String expected) {
    assertThat(Words.words(input)).containsExactly(expected.split(" "));
  }

  @Test
  void wordsOfSymbolsAloneAreNone() {
    assertThat(Words.words("-_/ {}")).isEmpty();
    assertThat(Words.words("")).isEmpty();
  }

  @ParameterizedTest(name = "camel({0}) = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "HTTPServer          | httpServer",
        "ABCDef              | abcDef",
        "getV2Users          | getV2Users",
        "get2FAStatus        | get2FaStatus",
        "RegisterClient      | registerClient",
        "device_authorization| deviceAuthorization",
        "list-for-repo       | listForRepo",
        "USERS               | users",
        "123abc              | 123abc",
        "9Lives              | 9Lives",
        "x                   | x",
        "--                  | tool",
        "''                  | tool",
        "😀                  | tool",
      })
  void camelLowerCasesWordsAndCapitalisesAllButTheFirst(String input, String expected) {
    assertThat(Words.camel(input)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "pascal({0}) = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "get           | Get",
        "HTTPServer    | HttpServer",
        "users_id      | UsersId",
        "9Lives        | 9Lives",
        "!!            | Tool",
      })
  void pascalCapitalisesTheCamelForm(String input, String expected) {
    assertThat(Words.pascal(input)).isEqualTo(expected);
  }

  @Test
  void capitalsBeforeAWordSplitExactlyAsExecutorsRegexDoesOnRandomText() {
    java.util.regex.Pattern executors = java.util.regex.Pattern.compile("([A-Z]+)([A-Z][a-z0-9]+)");
    java.util.Random random = new java.util.Random(42);
    String alphabet = "ABCab01_ -";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder();
      for (int j = random.nextInt(12); j > 0; j--)
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      String spaced = text.toString().replaceAll("([a-z0-9])([A-Z])", "$1 $2");
      java.util.List<String> expected =
          java.util.Arrays.stream(
                  executors.matcher(spaced).replaceAll("$1 $2").split("[^a-zA-Z0-9]+"))
              .filter(w -> !w.isEmpty())
              .toList();
      assertThat(Words.words(text.toString())).as(text.toString()).isEqualTo(expected);
    }
  }

  @Test
  @org.junit.jupiter.api.Timeout(10)
  void aLongRunOfCapitalsSplitsInLinearTime() {
    String hostile = "A".repeat(300_000);
    assertThat(Words.words(hostile + "b")).containsExactly("A".repeat(299_999), "Ab");
    assertThat(Words.camel(hostile)).hasSize(300_000);
  }
}
