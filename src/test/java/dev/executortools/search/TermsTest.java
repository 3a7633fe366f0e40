package dev.executortools.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TermsTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "listForAuthenticatedUser        | list me",
      "open an issue in a repo         | creat issu repo",
      "Repositories                    | repo",
      "deleted starred                 | delet star",
      "send an e-mail as the signed-in user | send email me",
      "get all pull requests           | list pull",
      "createOrUpdateFileContents      | creat updat fil fil",
      "/repos/{owner}/{repo}/branches  | repo owner repo branch"})
  void splitsStemsAndFoldsSynonyms(String text, String terms) {
    assertThat(String.join(" ", Terms.of(text))).isEqualTo(terms);
  }

  @ParameterizedTest
  @CsvSource({"repositories, repositori", "repository, repositori", "deleting, delet", "delete, delet",
      "starred, star", "messages, messag", "status, status", "branches, branch", "sso, sso"})
  void stemsTheFormsOfAWordAlike(String word, String stem) {
    assertThat(Stemmer.stem(word)).isEqualTo(stem);
  }
}
