package dev.executortools.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The lexical side of {@link EverydayWords} for one task: the words APIs use for its everyday
 * phrases, looked up in every segment, and what they add to each tool. A tool that has one of a
 * phrase's API words scores as if it had the phrase's words it lacks, at {@link #WEIGHT}: the best
 * of those words' BM25 terms, and their coverage.
 */
final class EverydayScores {
  /**
   * How much an API's word for a phrase of the task counts next to the task's own words. 0.3, 0.5,
   * 0.75 and 1 were measured (BENCHMARKS.md, "Eleventh session"): within two tasks of each other
   * over 961, all above none.
   */
  static final double WEIGHT = 0.5;

  private final List<EverydayWords.Expansion> expansions;

  /** Per expansion, the bits of the task's first 64 terms it stands for. */
  private final long[] wanted;

  private final ToolIndex.Rarity rarity;

  /**
   * @param expansions what the task's everyday phrases stand for ({@link EverydayWords#of})
   * @param terms the task's terms, in order (a phrase stands for those among the first 64)
   * @param lookUp each word's number in each segment and its rarity over all of them
   */
  EverydayScores(
      List<EverydayWords.Expansion> expansions,
      List<String> terms,
      Function<List<byte[]>, ToolIndex.Rarity> lookUp) {
    this.expansions = expansions;
    List<String> first = terms.subList(0, Math.min(64, terms.size()));
    wanted = new long[expansions.size()];
    List<byte[]> words = new ArrayList<>();
    for (int e = 0; e < expansions.size(); e++) {
      for (String slot : expansions.get(e).slots()) {
        int at = first.indexOf(slot);
        if (at >= 0) wanted[e] |= 1L << at;
      }
      for (String term : expansions.get(e).terms()) {
        words.add(term.getBytes(StandardCharsets.UTF_8));
      }
    }
    rarity = lookUp.apply(words);
  }

  /** Whether {@code term} of segment number {@code s} is an API word of the task's phrases. */
  boolean has(int s, int term) {
    for (int number : rarity.numbers()[s]) if (number == term) return true;
    return false;
  }

  /**
   * Adds to each tool of {@code segment} (number {@code s}) what the phrases' API words give it,
   * for the phrase's words it does not have itself ({@code slots}: a bit per term of the task it
   * has), and marks those words as had.
   */
  void addTo(
      int s,
      IndexSegment segment,
      double[] scores,
      double[] strength,
      double[] matched,
      long[] slots) {
    int[] numbers = rarity.numbers()[s];
    double[] idf = rarity.idf();
    double[] gain = new double[segment.size()];
    double[] gainStrength = new double[segment.size()];
    int w = 0;
    for (int e = 0; e < expansions.size(); e++) {
      boolean any = false;
      for (int i = 0; i < expansions.get(e).terms().size(); i++, w++) {
        if (numbers[w] < 0 || wanted[e] == 0) continue;
        for (int p = segment.postingStart(numbers[w]);
            p < segment.postingStart(numbers[w] + 1);
            p++) {
          int doc = segment.postingDoc(p);
          double tf = segment.postingWeight(p);
          double v = idf[w] * tf * (ToolIndex.K1 + 1) / (tf + ToolIndex.K1);
          if (v > gain[doc]) {
            gain[doc] = v;
            gainStrength[doc] = segment.postingStrength(p);
            any = true;
          }
        }
      }
      if (any) credit(wanted[e], gain, gainStrength, scores, strength, matched, slots);
    }
  }

  /**
   * Credits each tool with a gain the phrase's words ({@code wanted}) it lacks; clears the gains.
   */
  private static void credit(
      long wanted,
      double[] gain,
      double[] gainStrength,
      double[] scores,
      double[] strength,
      double[] matched,
      long[] slots) {
    for (int doc = 0; doc < gain.length; doc++) {
      if (gain[doc] <= 0) continue;
      long missing = wanted & ~slots[doc];
      int k = Long.bitCount(missing);
      if (k > 0) {
        scores[doc] += WEIGHT * gain[doc];
        strength[doc] += WEIGHT * gainStrength[doc] * k;
        matched[doc] += WEIGHT * k;
        slots[doc] |= missing;
      }
      gain[doc] = 0;
      gainStrength[doc] = 0;
    }
  }
}
