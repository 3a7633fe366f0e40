package dev.executortools.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Whether a task that asks to read wants a list or one thing, by the number of its object. */
class ReadingTest {
  private static final String LIST = Terms.of("list").get(0);
  private static final String GET = Terms.of("get").get(0);

  @Test
  void aPluralToReadWantsAList() {
    assertThat(Reading.implied("show the open pull requests")).isEqualTo(LIST);
    assertThat(Reading.implied("my playlists")).isEqualTo(LIST);
    assertThat(Reading.implied("what pods are running")).isEqualTo(LIST);
    assertThat(Reading.implied("get an album's tracks")).isEqualTo(LIST);
    assertThat(Reading.implied("see the people on the team")).isEqualTo(LIST);
  }

  @Test
  void aSingularToReadWantsOneThing() {
    assertThat(Reading.implied("get the pod")).isEqualTo(GET);
    assertThat(Reading.implied("show me the details of this repository")).isEqualTo(GET);
    assertThat(Reading.implied("read one of my email messages")).isEqualTo(GET);
    assertThat(Reading.implied("see the status of a message I sent")).isEqualTo(GET);
    // What the phrase asks for ends at a preposition: the cluster is where the machines are.
    assertThat(Reading.implied("show the machine in the clusters")).isEqualTo(GET);
  }

  @Test
  void aTaskThatDoesNotAskToReadOrDoesNotTellImpliesNothing() {
    assertThat(Reading.implied("delete the pods")).isNull();
    assertThat(Reading.implied("cordon a node")).isNull();
    assertThat(Reading.implied("list the pods")).as("says it itself").isNull();
    assertThat(Reading.implied("get notified when events change")).isNull();
    assertThat(Reading.implied("get how many messages are waiting in a queue")).isNull();
    assertThat(Reading.implied("")).isNull();
  }
}
