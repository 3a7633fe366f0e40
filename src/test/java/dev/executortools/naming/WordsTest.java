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
}
