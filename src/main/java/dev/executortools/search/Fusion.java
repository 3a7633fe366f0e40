package dev.executortools.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;

/**
 * The lexical ranking joined with the dense one ({@link WordVectors}): each tool's score is its
 * lexical score over the best one's, weighed by how much of the task the lexical side covers at
 * best ({@link #CONFIDENCE_POWER}), plus the cosine of its dense vector with the query's; the
 * {@value #DENSE_DEPTH} tools nearest the query that scored nothing lexically join with the cosine
 * alone (a task in words no tool uses). Measured against reciprocal rank fusion in BENCHMARKS.md
 * ("Tool search across APIs"): as good on the task sets of sixteen APIs, and unlike it no loss on
 * Microsoft Graph, whose thousands of near-identical tools crowd the dense list.
 */
final class Fusion {
  /**
   * {@code fused} (the default), {@code lexical} or {@code dense}: the system property {@code
   * executortools.search.ranking}, for the measurements of BENCHMARKS.md only.
   */
  static final String RANKING = System.getProperty("executortools.search.ranking", "fused");

  /**
   * How much the cosine counts next to the lexical score over the best one's (1 for the best); 0.5
   * to 2 were measured, and 0.3, 0.5 and 0.7 again once the lexical side was weighed by its
   * coverage (BENCHMARKS.md): 0.5 gained on the tuned parts but not on the held-out ones.
   */
  static final double DENSE_WEIGHT = 1;

  static final int DENSE_DEPTH = 100;

  /**
   * How much less the lexical side counts when its best tool covers less of the task: its scores
   * are weighed by that coverage (1 when every word of the task is in some tool's id, summary or
   * path) to this power. "Write a quick remark on the post" matches the post tools on one word of
   * three; the comment tool, which no word matches, is nearest in meaning. Measured in
   * BENCHMARKS.md (0 as before, 1, 2, 3): 2 gains on the blind and hard task sets and across APIs.
   */
  static final double CONFIDENCE_POWER = 2;

  private Fusion() {}

  private record Key(IndexSegment segment, int doc) {}

  /** The dense side of one query: each segment's cosines and the nearest tools. */
  record Dense(Map<IndexSegment, float[]> cosines, List<ToolIndex.Candidate> nearest) {
    static final Dense NONE = new Dense(Map.of(), List.of());
  }

  /**
   * Starts the dense side of {@code query} on another thread (the word vectors read on the first
   * search, the cosine over every tool), so that it runs while the lexical side does; none when the
   * ranking is lexical or the query has no word with a vector.
   */
  static CompletableFuture<Dense> start(
      String query,
      List<EverydayWords.Expansion> phrases,
      List<IndexSegment> segments,
      ToolIndex.Filter filter) {
    if (RANKING.equals("lexical")) return CompletableFuture.completedFuture(Dense.NONE);
    CompletableFuture<Dense> future = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                future.complete(dense(query, phrases, segments, filter));
              } catch (Throwable e) { // the lexical ranking alone
                future.complete(Dense.NONE);
              }
            },
            "search-dense");
    thread.setDaemon(true);
    thread.start();
    return future;
  }

  private static Dense dense(
      String query,
      List<EverydayWords.Expansion> phrases,
      List<IndexSegment> segments,
      ToolIndex.Filter filter) {
    WordVectors words = WordVectors.shared();
    float[] q = DenseText.query(query, phrases, words);
    if (isZero(q)) return Dense.NONE;
    Map<IndexSegment, float[]> cosines = new HashMap<>();
    PriorityQueue<ToolIndex.Candidate> nearest =
        new PriorityQueue<>(Comparator.comparingDouble(ToolIndex.Candidate::score));
    for (IndexSegment segment : segments) {
      if (segment.dims() != words.dims()) continue;
      float[] cos = new float[segment.size()];
      segment.cosines(q, cos);
      cosines.put(segment, cos);
      for (int doc = 0; doc < cos.length; doc++) {
        if (cos[doc] <= 0) continue;
        if (nearest.size() >= DENSE_DEPTH && cos[doc] <= nearest.peek().score()) continue;
        if (!filter.showsSource(segment.source(doc))) continue;
        nearest.add(new ToolIndex.Candidate(segment, doc, cos[doc]));
        if (nearest.size() > DENSE_DEPTH) nearest.poll();
      }
    }
    return new Dense(cosines, new ArrayList<>(nearest));
  }

  /**
   * The lexical candidates fused with the dense side ({@link #start}); {@code coverage}: how much
   * of the task the best covered candidate covers, from 0 to 1.
   */
  static List<ToolIndex.Candidate> fuse(
      List<ToolIndex.Candidate> lexical, CompletableFuture<Dense> started, double coverage) {
    Dense dense = started.join();
    if (dense.cosines().isEmpty()) return lexical;
    double lexicalWeight = Math.pow(coverage, CONFIDENCE_POWER);
    if (RANKING.equals("dense")) return dense.nearest();
    double best = 0;
    for (ToolIndex.Candidate c : lexical) best = Math.max(best, c.score());
    Map<Key, Double> fused = new HashMap<>();
    for (ToolIndex.Candidate c : lexical) {
      float[] cos = dense.cosines().get(c.segment());
      double similarity = cos == null ? 0 : cos[c.doc()];
      fused.put(
          new Key(c.segment(), c.doc()),
          lexicalWeight * c.score() / best + DENSE_WEIGHT * similarity);
    }
    for (ToolIndex.Candidate c : dense.nearest()) {
      fused.putIfAbsent(new Key(c.segment(), c.doc()), DENSE_WEIGHT * c.score());
    }
    List<ToolIndex.Candidate> out = new ArrayList<>(fused.size());
    fused.forEach((k, score) -> out.add(new ToolIndex.Candidate(k.segment(), k.doc(), score)));
    return out;
  }

  private static boolean isZero(float[] v) {
    for (float f : v) if (f != 0) return false;
    return true;
  }
}
