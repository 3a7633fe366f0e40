package dev.executortools.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.internal.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** What a tool answers, read from the shape of its success schema rather than from names. */
class AnswerTest {
  private static Answer of(String schema) {
    return Answer.of((ObjectNode) Json.parse(schema.replace('\'', '"')));
  }

  private static final String REPOSITORY =
      "'repository': {'type': 'object', 'properties': {'uuid': {'type': 'string'},"
          + " 'name': {'type': 'string'}, 'full_name': {'type': 'string'},"
          + " 'is_private': {'type': 'boolean'}, 'owner': {'type': 'object'},"
          + " 'created_on': {'type': 'string'}}}";

  @Test
  void anArrayIsMany() {
    assertThat(of("{'type': 'array', 'items': {'type': 'object'}}")).isEqualTo(Answer.MANY);
    assertThat(of("{'type': ['array', 'null']}")).isEqualTo(Answer.MANY);
  }

  @Test
  void aPageOfThingsIsManyWhateverItsArrayIsCalled() {
    // Bitbucket's paginated_repositories: counts and links beside one array of repositories.
    assertThat(
            of(
                "{'$ref': '#/$defs/page', '$defs': {'page': {'type': 'object', 'properties': {"
                    + "'size': {'type': 'integer'}, 'page': {'type': 'integer'},"
                    + " 'pagelen': {'type': 'integer'}, 'next': {'type': 'string'},"
                    + " 'previous': {'type': 'string'}, 'values': {'type': 'array',"
                    + " 'items': {'$ref': '#/$defs/repository'}}}}, "
                    + REPOSITORY
                    + "}}"))
        .isEqualTo(Answer.MANY);
    // GitHub's {total_count, workflow_runs}, its array's items an allOf of two parts.
    assertThat(
            of(
                "{'type': 'object', 'properties': {'total_count': {'type': 'integer'},"
                    + " 'workflow_runs': {'type': 'array', 'items': {'allOf': ["
                    + "{'$ref': '#/$defs/repository'}, {'properties': {'run': {}}}]}}},"
                    + " '$defs': {"
                    + REPOSITORY
                    + "}}"))
        .isEqualTo(Answer.MANY);
  }

  @Test
  void aThingWithAShortListInsideIsOne() {
    // GitHub's self-hosted runner: five scalars and a list of labels of three properties each.
    assertThat(
            of(
                "{'type': 'object', 'properties': {'id': {'type': 'integer'},"
                    + " 'name': {'type': 'string'}, 'os': {'type': 'string'},"
                    + " 'status': {'type': 'string'}, 'busy': {'type': 'boolean'},"
                    + " 'labels': {'type': 'array', 'items': {'type': 'object', 'properties': {"
                    + "'id': {}, 'name': {}, 'type': {}}}}}}"))
        .isEqualTo(Answer.ONE);
    // A thing of its own beside the array (Stripe's subscription schedule and its phases).
    assertThat(
            of(
                "{'type': 'object', 'properties': {'id': {'type': 'string'},"
                    + " 'customer': {'type': 'object', 'properties': {'id': {}}},"
                    + " 'phases': {'type': 'array', 'items': {'$ref': '#/$defs/repository'}}},"
                    + " '$defs': {"
                    + REPOSITORY
                    + "}}"))
        .isEqualTo(Answer.ONE);
    // A list of strings is not a list of things.
    assertThat(
            of(
                "{'type': 'object', 'properties': {'id': {'type': 'integer'},"
                    + " 'events': {'type': 'array', 'items': {'type': 'string'}}}}"))
        .isEqualTo(Answer.ONE);
  }

  @Test
  void choicesThatDisagreeOrNoSchemaTellNothing() {
    assertThat(
            of(
                "{'oneOf': [{'type': 'array'}, {'$ref': '#/$defs/repository'}], '$defs': {"
                    + REPOSITORY
                    + "}}"))
        .isEqualTo(Answer.UNKNOWN);
    assertThat(
            of(
                "{'anyOf': [{'$ref': '#/$defs/repository'}, {'$ref': '#/$defs/repository'}],"
                    + " '$defs': {"
                    + REPOSITORY
                    + "}}"))
        .isEqualTo(Answer.ONE);
    assertThat(Answer.of(null)).isEqualTo(Answer.UNKNOWN);
    assertThat(of("{'type': 'string'}")).isEqualTo(Answer.UNKNOWN);
  }

  @Test
  @org.junit.jupiter.api.Timeout(
      value = 20,
      threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
  void aSchemaThatFansOutAtEveryLevelIsReadInTimeLinearInItsSize() {
    // Eight levels, each an allOf of the next level forty times: 40^8 paths, 320 references.
    StringBuilder defs = new StringBuilder();
    for (int level = 0; level < 8; level++) {
      StringBuilder parts = new StringBuilder();
      for (int i = 0; i < 40; i++)
        parts
            .append(i == 0 ? "" : ",")
            .append("{'$ref': '#/$defs/l")
            .append(level + 1)
            .append("'}");
      defs.append("'l")
          .append(level)
          .append("': {'type': 'object', 'allOf': [")
          .append(parts)
          .append("], 'properties': {'x': {'type': 'string'}}},");
    }
    defs.append("'l8': {'type': 'object', 'properties': {'y': {'type': 'string'}}}");
    assertThat(of("{'$ref': '#/$defs/l0', '$defs': {" + defs + "}}"))
        .isIn(Answer.ONE, Answer.UNKNOWN);
  }
}
