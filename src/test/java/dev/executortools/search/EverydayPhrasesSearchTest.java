package dev.executortools.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.SearchHit;
import dev.executortools.ToolRegistry;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Everyday phrases for what an API names otherwise, on the APIs' own specs: to text is to send a
 * message and texts are messages (out of the first ten, and sixth, without it); how much money is
 * an account's balance (out of the first ten without it), and what it is right now its current one
 * (out of the first ten without that). And the lexicon of {@link EverydayWords}: a video call is a
 * Zoom meeting (out of the first forty without it), a shopper a Stripe customer (16th without it),
 * the bills not yet paid its invoices (14th).
 */
class EverydayPhrasesSearchTest {
  private static ToolRegistry registry;

  @BeforeAll
  static void load() {
    registry = ApiTaskSets.registry(List.of("twilio", "telegram", "stripe", "zoom"));
  }

  @AfterAll
  static void close() {
    registry.close();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "twilio | text this number saying I'm running late | twilio.api20100401Message.createMessage",
        "twilio | texts we got yesterday | twilio.api20100401Message.listMessage",
        "telegram | text a user from my bot | telegram.sendMessage.postSendMessage",
        "stripe | how much money is sitting in my account right now | stripe.balance.getBalance",
        "stripe | how much money do I have in my account right now | stripe.balance.getBalance",
        "zoom | set up a video call for tomorrow at 2pm | zoom.meetings.meetingCreate",
        "zoom | cancel tomorrow's video call | zoom.meetings.meetingDelete",
        "stripe | find a shopper by their email address | stripe.customers.getCustomers",
        "stripe | the bills we sent out that haven't been paid yet | stripe.invoices.getInvoices",
        "zoom | who joined yesterday's call | zoom.meetings.pastMeetingParticipants"
      })
  void aPhraseFindsTheToolItMeans(String source, String query, String tool) {
    assertThat(registry.search(query, 5, source)).extracting(SearchHit::id).contains(tool);
  }
}
