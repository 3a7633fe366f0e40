package dev.executortools.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The lexical ranking joined with the dense one ({@link WordVectors}): the tools nearest the
 * query's vector (cosine over every tool a caller may see), fused with the lexical candidates.
 */
final class Fusion {
  static final String MODE = System.getProperty("search.fusion", "rrf");
  static final double RRF_K = Double.parseDouble(System.getProperty("search.rrfK", "60"));
  static final double DENSE_WEIGHT =
      Double.parseDouble(System.getProperty("search.denseWeight", "0.5"));
  static final int DENSE_DEPTH = Integer.getInteger("search.denseDepth", 100);

  private Fusion() {}

  private record Key(IndexSegment segment, int doc) {}

  static List<ToolIndex.Candidate> fuse(
      String query,
      List<ToolIndex.Candidate> lexical,
      List<IndexSegment> segments,
      ToolIndex.Filter filter) {
    if (MODE.equals("lexical")) return lexical;
    WordVectors words = WordVectors.shared();
    if (words.dims() == 0) return lexical;
    float[] q = DenseText.query(query, words);
    if (q.length == 0 || isZero(q)) return lexical;
    Map<IndexSegment, float[]> cosines = new HashMap<>();
    PriorityQueue<ToolIndex.Candidate> top =
        new PriorityQueue<>(Comparator.comparingDouble(ToolIndex.Candidate::score));
    for (IndexSegment segment : segments) {
      if (segment.dims() != words.dims()) continue;
      float[] cos = new float[segment.size()];
      segment.cosines(q, cos);
      cosines.put(segment, cos);
      for (int doc = 0; doc < cos.length; doc++) {
        if (cos[doc] <= 0) continue;
        if (top.size() >= DENSE_DEPTH && cos[doc] <= top.peek().score()) continue;
        if (!filter.showsSource(segment.source(doc))) continue;
        top.add(new ToolIndex.Candidate(segment, doc, cos[doc]));
        if (top.size() > DENSE_DEPTH) top.poll();
      }
    }
    List<ToolIndex.Candidate> dense = new ArrayList<>(top);
    dense.sort(Comparator.comparingDouble(c -> -c.score()));
    if (MODE.equals("dense")) return dense;
    Map<Key, Double> fused = new HashMap<>();
    if (MODE.equals("weighted")) {
      double max = 0;
      for (ToolIndex.Candidate c : lexical) max = Math.max(max, c.score());
      for (ToolIndex.Candidate c : lexical) {
        float[] cos = cosines.get(c.segment());
        double d = cos == null ? 0 : cos[c.doc()];
        fused.put(new Key(c.segment(), c.doc()), c.score() / max + DENSE_WEIGHT * d);
      }
      for (ToolIndex.Candidate c : dense) {
        fused.putIfAbsent(new Key(c.segment(), c.doc()), DENSE_WEIGHT * c.score());
      }
    } else {
      List<ToolIndex.Candidate> byLexical = new ArrayList<>(lexical);
      byLexical.sort(Comparator.comparingDouble(c -> -c.score()));
      for (int r = 0; r < byLexical.size(); r++) {
        ToolIndex.Candidate c = byLexical.get(r);
        fused.merge(new Key(c.segment(), c.doc()), 1 / (RRF_K + r + 1), Double::sum);
      }
      for (int r = 0; r < dense.size(); r++) {
        ToolIndex.Candidate c = dense.get(r);
        fused.merge(new Key(c.segment(), c.doc()), DENSE_WEIGHT / (RRF_K + r + 1), Double::sum);
      }
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
