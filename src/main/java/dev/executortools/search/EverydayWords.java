package dev.executortools.search;

import dev.executortools.naming.Words;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The words web APIs use for what people say in everyday words: a task's "machines" may be an API's
 * nodes, instances or servers, its "chargeback" a dispute. Read from {@code everyday-words.tsv}
 * beside this class: a general lexicon (not the words of any one API), written for this project
 * from a general knowledge of how people talk and how APIs across the industry name things, before
 * any of the project's task sets was shown to its writers (provenance in {@code SOURCES.md} beside
 * it). A task's phrase is matched on its words, plural or not; what it stands for is searched
 * beside the task's own words, weaker ({@link ToolIndex}).
 */
final class EverydayWords {
  /**
   * What a phrase of a task may stand for: the task's terms it stands in for ({@code slots}), the
   * API's terms ({@code terms}), and the first of the API's words as written, for the dense part.
   */
  record Expansion(List<String> slots, List<String> terms, String first) {}

  /** A line of the lexicon: its phrase's words, the phrase, and the API's words as written. */
  private record Entry(List<String> words, String phrase, String apiWords) {}

  private static final String RESOURCE = "everyday-words.tsv";

  /** The longest phrase, in words. */
  private static final int LONGEST = 4;

  private static final Map<String, List<Entry>> BY_FIRST_WORD = load();

  private EverydayWords() {}

  /**
   * What the phrases of {@code query} stand for, in the order they first appear, each once: at most
   * one expansion per line of the lexicon, whatever the length of the task.
   */
  static List<Expansion> of(String query) {
    if (BY_FIRST_WORD.isEmpty()) return List.of();
    List<String> words = new ArrayList<>();
    for (String word : Words.words(query)) words.add(word.toLowerCase(Locale.ROOT));
    Set<Entry> found = new LinkedHashSet<>(); // each phrase once, however often the task says it
    List<Expansion> out = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      for (String key : keys(words.get(i))) {
        for (Entry entry : BY_FIRST_WORD.getOrDefault(key, List.of())) {
          if (matches(entry.words(), words, i) && found.add(entry)) {
            Expansion expansion = expansion(entry);
            if (expansion != null) out.add(expansion);
          }
        }
      }
    }
    return out;
  }

  /** A task's word as written, and without its plural ending when it has one. */
  private static List<String> keys(String word) {
    String singular = Stemmer.singular(word);
    return singular.equals(word) ? List.of(word) : List.of(word, singular);
  }

  /**
   * How far from the word a phrase starts with its other words may be, before or after, in any
   * order: "copies of my web app" says "app copy". Measured 0 to 4 (BENCHMARKS.md, "Eleventh
   * session"): 2 and 3 the best, 0 (the phrase as written) 3 tasks fewer with the source given.
   */
  private static final int WINDOW = 2;

  /**
   * Whether the task has {@code phrase}, its first word at {@code at} and each other within {@link
   * #WINDOW} words of it: each as written, or without its plural ending ("machines" for "machine";
   * "rights" for "right" is not "right now"). The stemmer is not used: it reads "staging" as
   * "stage" and "rights" as "right".
   */
  private static boolean matches(List<String> phrase, List<String> words, int at) {
    int from = Math.max(0, at - WINDOW);
    int to = Math.min(words.size(), at + phrase.size() + WINDOW);
    for (String word : phrase.subList(1, phrase.size())) {
      boolean seen = false;
      for (int k = from; k < to && !seen; k++) seen = k != at && keys(words.get(k)).contains(word);
      if (!seen) return false;
    }
    return true;
  }

  private static Map<String, List<Entry>> load() {
    InputStream in = EverydayWords.class.getResourceAsStream(RESOURCE);
    if (in == null) return Map.of();
    Map<String, List<Entry>> map = new HashMap<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        Entry entry = parse(line);
        if (entry != null)
          map.computeIfAbsent(entry.words().get(0), k -> new ArrayList<>()).add(entry);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(map);
  }

  /**
   * One line: {@code phrase<TAB>word, word...}; null for a comment. Only the phrase's words are
   * read here: the terms are analysed when a task has the phrase (reading them all took 40 ms of a
   * first search).
   */
  private static Entry parse(String line) {
    if (line.isBlank() || line.startsWith("#")) return null;
    int tab = line.indexOf('\t');
    if (tab < 0) return null;
    String phrase = line.substring(0, tab).trim();
    List<String> words = new ArrayList<>();
    for (String word : Words.words(phrase)) words.add(word.toLowerCase(Locale.ROOT));
    if (words.isEmpty() || words.size() > LONGEST) return null;
    return new Entry(List.copyOf(words), phrase, line.substring(tab + 1));
  }

  /** What {@code entry} stands for; null when its phrase or its words have no term. */
  private static Expansion expansion(Entry entry) {
    List<String> slots = Terms.of(entry.phrase());
    String all = entry.apiWords().replace(',', ' ');
    Set<String> terms = new LinkedHashSet<>(Terms.of(all));
    terms.removeAll(slots);
    if (slots.isEmpty() || terms.isEmpty()) return null;
    // The dense part takes the first word alone, the one its writer put first: all of them
    // blurred the task's vector (BENCHMARKS.md, "Eleventh session").
    String first = entry.apiWords().split(",")[0].trim();
    return new Expansion(slots, List.copyOf(terms), first);
  }
}
