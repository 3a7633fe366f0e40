package dev.executortools.search;

import dev.executortools.naming.Words;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The sources a task names ("create a group in GitLab", "add it to my Google Calendar"): a source
 * is named when every word of its name is a word of the task ({@code google_calendar}: google and
 * calendar), or when its name, without separators, is one to three of the task's words run together
 * ({@code googlecalendar}). Names shorter than three letters are never read as named.
 */
final class NamedSources {
  private NamedSources() {}

  static Set<String> in(String query, Iterable<String> sources) {
    List<String> words = new ArrayList<>();
    for (String word : Words.words(query)) words.add(word.toLowerCase(Locale.ROOT));
    Set<String> runs = new LinkedHashSet<>();
    for (int i = 0; i < words.size(); i++) {
      StringBuilder run = new StringBuilder();
      for (int j = i; j < Math.min(words.size(), i + 3); j++)
        runs.add(run.append(words.get(j)).toString());
    }
    Set<String> present = new java.util.HashSet<>(words);
    Set<String> named = new LinkedHashSet<>();
    for (String source : sources) {
      List<String> parts = new ArrayList<>();
      for (String part : Words.words(source)) parts.add(part.toLowerCase(Locale.ROOT));
      String joined = String.join("", parts);
      if (joined.length() < 3) continue;
      if (runs.contains(joined) || present.containsAll(parts)) named.add(source);
    }
    return named;
  }

  /**
   * {@code ranked} with the tools of the sources {@code query} names ahead of every other: each of
   * their scores raised by the best score of all.
   */
  static List<ToolIndex.Candidate> first(
      String query,
      List<ToolIndex.Candidate> ranked,
      List<IndexSegment> segments,
      ToolIndex.Filter filter) {
    Set<String> sources = new LinkedHashSet<>();
    for (IndexSegment segment : segments) {
      for (String source : segment.sources()) if (filter.showsSource(source)) sources.add(source);
    }
    if (sources.size() < 2) return ranked;
    Set<String> named = in(query, sources);
    if (named.isEmpty()) return ranked;
    double best = 0;
    for (ToolIndex.Candidate c : ranked) best = Math.max(best, c.score());
    List<ToolIndex.Candidate> out = new ArrayList<>(ranked.size());
    for (ToolIndex.Candidate c : ranked) {
      boolean isNamed = named.contains(c.segment().source(c.doc()));
      out.add(isNamed ? new ToolIndex.Candidate(c.segment(), c.doc(), c.score() + best) : c);
    }
    return out;
  }
}
