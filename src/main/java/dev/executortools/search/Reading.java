package dev.executortools.search;

import dev.executortools.naming.Words;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a task that asks to read wants a list or one thing, from the number of what it asks for:
 * "show the open pull requests", "my playlists", "what pods are running" want a list; "get the
 * pod", "show me the details of this repository" want one. A task asks to read when it starts with
 * a word for reading ({@code show}, {@code get}, {@code see}...) or with no verb at all (a
 * possessive, an article, {@code what}); what it asks for is the phrase after that, up to the first
 * preposition, relative word or auxiliary ("the machines | in the cluster", "what pods | are
 * running"); a phrase whose head is itself a word for reading ("the details | of this repository")
 * reads on after its {@code of}. The stemmer makes plurals singular, so the number is read from the
 * words as written.
 */
final class Reading {
  private static final String GET = Terms.of("get").get(0);
  private static final String LIST = Terms.of("list").get(0);

  /** Words that start a task that names what it wants without a verb. */
  private static final Set<String> NO_VERB =
      Set.of(
          "my", "our", "your", "his", "her", "their", "the", "all", "every", "each", "what",
          "which", "any", "some", "these", "those");

  /** Words inside a noun phrase that are not its nouns: articles, possessives, quantifiers. */
  private static final Set<String> DETERMINERS =
      Set.of(
          "a", "an", "the", "this", "these", "those", "my", "our", "your", "his", "her", "their",
          "its", "all", "every", "each", "some", "any", "many", "few", "several", "me", "us",
          "what", "which", "of");

  /** Words that end the phrase a task asks for. */
  private static final Set<String> ENDS =
      Set.of(
          "in", "on", "for", "from", "to", "with", "by", "at", "into", "about", "under", "over",
          "across", "within", "without", "between", "after", "before", "since", "until", "during",
          "per", "via", "that", "which", "who", "whom", "whose", "where", "when", "why", "how",
          "whether", "if", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had",
          "do", "does", "did", "can", "could", "will", "would", "should", "may", "might", "must",
          "so", "than", "as", "and", "or", "but");

  /** English plurals the suffix rule does not see. */
  private static final Set<String> IRREGULAR_PLURALS = Set.of("people", "children");

  private Reading() {}

  /**
   * The term a task implies it wants ({@code list} or {@code get}), or null when it does not ask to
   * read or its words do not tell.
   */
  static String implied(String query) {
    List<String> words = Words.words(query).stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
    if (words.isEmpty()) return null;
    int at;
    String first = words.get(0);
    if (NO_VERB.contains(first)) {
      at = 0;
    } else if (Terms.of(first).equals(List.of(GET))) {
      at = 1;
    } else {
      return null;
    }
    boolean plural = false;
    boolean noun = false;
    for (int i = at; i < words.size(); i++) {
      String w = words.get(i);
      if (ENDS.contains(w) || (w.equals("of") && noun)) break;
      if (DETERMINERS.contains(w) || w.length() == 1 || w.endsWith("ed")) continue;
      if (isRead(w)) continue; // "details", "info": what is read about the noun that follows
      noun = true;
      if (w.equals("one")) break; // "one of my messages"
      plural = isPlural(w);
      if (plural) break;
    }
    if (!noun) return null;
    return plural ? LIST : GET;
  }

  private static boolean isRead(String word) {
    List<String> terms = Terms.of(word);
    return terms.size() == 1 && (terms.get(0).equals(GET) || terms.get(0).equals(LIST));
  }

  private static boolean isPlural(String w) {
    if (IRREGULAR_PLURALS.contains(w)) return true;
    return w.length() > 3
        && w.endsWith("s")
        && !w.endsWith("ss")
        && !w.endsWith("us")
        && !w.endsWith("is");
  }
}
