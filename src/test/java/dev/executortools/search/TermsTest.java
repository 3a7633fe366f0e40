package dev.executortools.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TermsTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "listForAuthenticatedUser        | list me",
        "open an issue in a repo         | creat issu repo",
        "Repositories                    | repo",
        "deleted starred                 | deleted starred",
        "delete star                     | delet star",
        "send an e-mail as the signed-in user | send email me",
        "get all pull requests           | list pull",
        "createOrUpdateFileContents      | creat updat fil fil",
        "/repos/{owner}/{repo}/branches  | repo owner repo branch",
        "schedule a meeting in my calendar | creat event me calendar",
        "mark an email as read            | updat email get",
        "list all users                   | list user",
        "usersListCreatedObjects          | user list created object",
        "list my SharePoint sites         | list me sit sit",
        "move a message to another folder | mov email folder",
        "kill a pod, terminate an instance | delet pod delet instanc",
        "list the users in my account     | list user me account"
      })
  void splitsStemsAndFoldsSynonyms(String text, String terms) {
    assertThat(String.join(" ", Terms.of(text))).isEqualTo(terms);
  }

  /**
   * Each phrase in any case and place is still found: the texts the pattern is not run on (most)
   * are only those that hold none of the words it needs.
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "the Logged In user      | me",
        "SIGNED IN              | me",
        "Current Users          | me",
        "x-PRs of a repo        | pull",
        "PR                     | pull",
        "P Rs                   | pull",
        "Pull Requests          | pull",
        "FETCH ALL tags         | list",
        "all of the tags        | list",
        "E Mails                | email",
        "Book a room            | creat",
        "Organise new meetings  | creat",
        "Set Up an account      | creat",
        "To Do lists            | task",
        "todos                  | task",
        "OneDrive files         | driv",
        "Share Point lists      | sit"
      })
  void findsEachPhraseInAnyCase(String text, String term) {
    assertThat(Terms.of(text)).contains(term);
  }

  @Test
  void keepsTheStemOfAWordASynonymFolded() {
    Terms.Analysed analysed = Terms.analyse("move a message to the mail folder");
    assertThat(analysed.terms()).containsExactly("mov", "email", "email", "folder");
    assertThat(analysed.exact()).containsExactly("=messag", "=mail");
  }

  @ParameterizedTest
  @CsvSource({
    "repositories, repositori",
    "repository, repositori",
    "deleting, delet",
    "delete, delet",
    "starred, star",
    "messages, messag",
    "status, status",
    "branches, branch",
    "sso, sso",
    "assignees, assign",
    "invitee, invit",
    "agree, agre"
  })
  void stemsTheFormsOfAWordAlike(String word, String stem) {
    assertThat(Stemmer.stem(word)).isEqualTo(stem);
  }
}
