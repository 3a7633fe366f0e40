package dev.executortools.search;

import dev.executortools.naming.Words;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Text to search terms, the same way for tools and for queries: words split at camelCase and
 * punctuation ({@link Words}), lower-cased, lightly stemmed (plurals, -ing, -ee, final e/y), and
 * words that mean the same for an API caller folded into one term ({@code open}, {@code add} and
 * {@code new} are {@code create}; {@code mail} and {@code message} are {@code email}...). A word in
 * -ed stays as written: a participle names a state, not the action ({@code createdObjects} is not a
 * way to create, {@code starred} repositories are not starring one); without it GitHub and Graph
 * each lost a task, with every stemmer measured (BENCHMARKS.md, "Library stemmers").
 */
final class Terms {
  /** Phrases a person writes for one idea, rewritten before splitting. */
  /** Phrases as one pattern (one pass over a text) and each one's term and capturing group. */
  private record Phrases(Pattern pattern, List<String> terms, List<Integer> groups) {}

  private static final Phrases PHRASES =
      phrases(
          "\\b(signed in|logged in|current|authenticated) users?\\b", "me",
          "\\b(signed|logged) in\\b", "me",
          "\\bpull requests?\\b|\\bprs?\\b|\\bP Rs\\b", "pull",
          "\\b(get|fetch|show) all\\b|\\ball of\\b", "list",
          "\\be mails?\\b", "email",
          "\\b(schedule|book|arrange|organi[sz]e|set up) (an?|new)\\b", "create",
          "\\bto ?dos?\\b", "task",
          // "who's in the marketing group", "who is on the team": its members
          "^who( ?s| is| are| was| were)? (in|on|at)\\b", "member",
          // "text a user", "the texts we got": a text message
          "^text\\b", "send message",
          "\\btexts\\b", "message",
          // "how much money is left in my account": its balance
          "\\bhow much money\\b", "balance",
          // "what am I listening to right now": what is current
          "\\bright now\\b", "current",
          "one ?drive", "drive",
          "share ?point", "site");

  /** Groups of words folded into their first word (each written unstemmed). */
  private static final String[][] SYNONYMS = {
    {"create", "add", "new", "make", "open", "start", "insert", "register", "publish"},
    {"delete", "remove", "erase", "destroy", "drop", "discard", "trash", "kill", "terminate"},
    {"list", "enumerate", "browse"},
    {
      "get",
      "fetch",
      "retrieve",
      "read",
      "show",
      "view",
      "see",
      "lookup",
      "detail",
      "info",
      "information"
    },
    {"update", "edit", "modify", "change", "rename", "replace", "patch", "set", "mark"},
    {"send", "post", "sent", "deliver", "submit", "forward"},
    {"email", "mail", "message", "inbox", "mailbox"},
    {"repo", "repository", "repos", "repositories"},
    {"me", "my", "myself", "mine", "authenticated", "signed", "belong"},
    {"issue", "ticket", "bug"},
    {"user", "profile"},
    {"org", "organization", "organisation", "orgs", "company"},
    {"star", "favorite", "favourite"},
    {"watch", "subscribe", "subscription", "subscriber", "watcher"},
    {"event", "meeting", "appointment"},
    {"folder", "dir"},
    {"file", "document", "doc", "content", "contents", "item", "children", "download"},
    {"search", "find", "query", "lookup"},
    {"photo", "picture", "avatar", "image"},
    {"chat", "conversation"},
    {"invite", "invitation"},
    {"review", "reviewer"},
    {"webhook", "hook"},
    {"run", "execute", "trigger", "dispatch", "rerun"},
    {"contact", "people", "person"},
    {"member", "membership"},
    {"upload", "attach", "attachment"},
  };

  private static final Set<String> STOP =
      Set.of(
          "a", "an", "the", "in", "on", "of", "for", "to", "from", "with", "by", "as", "at", "and",
          "or", "i", "it", "its", "this", "that", "these", "those", "is", "are", "be", "been", "do",
          "does", "can", "how", "what", "which", "who", "some", "any", "into", "about", "please",
          "want", "wants", "need", "needs", "should", "would", "could", "will", "one", "someone",
          "all", "every", "each", "another", "other", "there", "their", "them", "they", "we", "our",
          "you", "your", "if", "via", "using", "use");

  private static final Map<String, String> CANONICAL = canonical();

  /** What starts an exact term (see {@link Analysed}), so that it never meets a folded one. */
  private static final String EXACT = "=";

  private Terms() {}

  /**
   * A text's terms, in order, stop words dropped; and the stems of the words among them that a
   * synonym group folded ({@code message} → {@code email} keeps {@code messag}), so that the word a
   * tool uses itself can count a little more than its synonyms.
   */
  record Analysed(List<String> terms, List<String> exact) {}

  /** Whether {@code lower} (lower case) is a word that says nothing of a tool. */
  static boolean isStopWord(String lower) {
    return STOP.contains(lower);
  }

  /** The terms of a text, in order, stop words dropped. */
  static List<String> of(String text) {
    return analyse(text).terms();
  }

  static Analysed analyse(String text) {
    if (text == null || text.isEmpty()) return new Analysed(List.of(), List.of());
    String rewritten = String.join(" ", Words.words(text));
    if (mayHavePhrase(rewritten)) {
      rewritten = PHRASES.pattern().matcher(rewritten).replaceAll(Terms::phraseTerm);
    }
    List<String> terms = new ArrayList<>();
    List<String> exact = new ArrayList<>();
    for (String word : rewritten.split(" ")) {
      if (word.isEmpty()) continue;
      String lower = word.toLowerCase(Locale.ROOT);
      if (STOP.contains(lower) || (lower.length() == 1 && !Character.isDigit(lower.charAt(0))))
        continue;
      // A word is stemmed, then folded into its synonym group; a participle stays as written.
      String folded = CANONICAL.get(lower);
      if (folded == null && lower.endsWith("ed")) {
        terms.add(lower);
        continue;
      }
      String stem = Stemmer.stem(lower);
      if (folded == null) folded = CANONICAL.getOrDefault(stem, stem);
      terms.add(folded);
      if (!stem.equals(folded)) exact.add(EXACT + stem);
    }
    return new Analysed(terms, exact);
  }

  private static Map<String, String> canonical() {
    Map<String, String> map = new HashMap<>();
    for (String[] group : SYNONYMS) {
      String head = Stemmer.stem(group[0]);
      for (String word : group) {
        map.put(word, head);
        map.put(Stemmer.stem(word), head);
      }
    }
    return Map.copyOf(map);
  }

  /**
   * Text that holds none of these (lower-cased) can match none of {@link #PHRASES}: each phrase
   * contains one of them, whatever its case. Checked before the pattern, which most texts do not
   * match (a third of the time a large source's index took to build was the pattern's search).
   */
  private static final String[] PHRASE_PARTS = {
    "signed in",
    "logged in",
    "current user",
    "authenticated user",
    "pull request",
    "p rs",
    "get all",
    "fetch all",
    "show all",
    "all of",
    "e mail",
    "schedule ",
    "book ",
    "arrange ",
    "organise ",
    "organize ",
    "set up ",
    "todo",
    "to do",
    "who ",
    "money",
    "right now",
    "text",
    "onedrive",
    "one drive",
    "sharepoint",
    "share point"
  };

  /** Whether {@code text} may match {@link #PHRASES} (false only when it cannot). */
  private static boolean mayHavePhrase(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.length() != text.length()) return true; // letters whose case changes their length
    for (String part : PHRASE_PARTS) if (lower.contains(part)) return true;
    // \bprs?\b: "pr" where no word character is before it.
    for (int at = lower.indexOf("pr"); at >= 0; at = lower.indexOf("pr", at + 1)) {
      if (at == 0) return true;
      char before = lower.charAt(at - 1);
      if (!Character.isLetterOrDigit(before) && before != '_') return true;
    }
    return false;
  }

  /** What the phrase {@code match} found is rewritten to: its term, apart from its neighbours. */
  private static String phraseTerm(java.util.regex.MatchResult match) {
    for (int i = 0; i < PHRASES.terms().size(); i++) {
      if (match.start(PHRASES.groups().get(i)) >= 0) return " " + PHRASES.terms().get(i) + " ";
    }
    return match.group();
  }

  /** All phrases as one pattern (one pass over a text), the first that matches at a place wins. */
  private static Phrases phrases(String... pairs) {
    StringBuilder alternatives = new StringBuilder();
    List<String> terms = new ArrayList<>();
    List<Integer> groups = new ArrayList<>();
    int group = 1;
    for (int i = 0; i < pairs.length; i += 2) {
      if (i > 0) alternatives.append('|');
      alternatives.append('(').append(pairs[i]).append(')');
      terms.add(pairs[i + 1]);
      groups.add(group);
      group += 1 + Pattern.compile(pairs[i]).matcher("").groupCount();
    }
    return new Phrases(
        Pattern.compile(alternatives.toString(), Pattern.CASE_INSENSITIVE),
        List.copyOf(terms),
        List.copyOf(groups));
  }
}
