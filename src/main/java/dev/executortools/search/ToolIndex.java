package dev.executortools.search;

import dev.executortools.SearchHit;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one ranking behind {@code tools search}, MCP {@code search_tools} and {@code unknown_tool}
 * suggestions, over {@link IndexSegment}s (one per stored source, one for the tools in memory):
 * BM25F over each tool's id, summary, path, parameter names, description, the first sentence of
 * each parameter's description and what its HTTP method does, with {@link Terms} (word splitting,
 * stemming, synonyms) on both sides; a tool's own word for a query word (its {@code message} for
 * the query's {@code message}) counts a little more than a synonym ({@code mail}), and the words
 * APIs use for the task's everyday phrases ({@link EverydayScores}: a machine may be a node) count
 * at half a word for the words they stand for. That sum is then weighed by how much of the query
 * the tool covers (a word in its id, summary or path counts fully, one only in its description or
 * parameters by half) and by how well its id fits the query ({@link IdTerms}). Term rarity (idf) is
 * counted over all the segments. That lexical score is then fused with the cosine between the query
 * and each tool in a space of static word vectors ({@link Fusion}, {@link WordVectors}), computed
 * on another thread meanwhile. Immutable and thread-safe; a query reads the postings of its terms,
 * every tool's dense vector and the ids of the tools it ranks.
 */
public final class ToolIndex {
  static final double K1 = 1.2;

  /** Which tools a caller may see. */
  @FunctionalInterface
  public interface Filter {
    boolean shows(String source, String id, String method);

    /** Whether any tool of {@code source} may be shown (what ranks are counted among). */
    default boolean showsSource(String source) {
      return true;
    }

    Filter ALL = (source, id, method) -> true;
  }

  private final List<IndexSegment> segments;
  private final int size;

  private ToolIndex(List<IndexSegment> segments) {
    this.segments = List.copyOf(segments);
    int n = 0;
    for (IndexSegment segment : this.segments) n += segment.size();
    this.size = n;
  }

  /** An index over {@code segments}, searched as one. */
  public static ToolIndex over(List<IndexSegment> segments) {
    return new ToolIndex(segments);
  }

  /** An index of {@code documents} held in memory. */
  public static ToolIndex of(List<SearchDocument> documents) {
    SegmentBuilder builder = new SegmentBuilder();
    documents.forEach(builder::add);
    return over(List.of(builder.build()));
  }

  public int size() {
    return size;
  }

  /**
   * The best {@code limit} tools for a task written in words, best first; none for a blank query.
   */
  public List<SearchHit> search(String query, int limit) {
    return search(query, limit, Filter.ALL);
  }

  /** As {@link #search(String, int)}, among the tools {@code filter} shows. */
  public List<SearchHit> search(String query, int limit, Filter filter) {
    Terms.Analysed analysed = Terms.analyse(query);
    Set<String> terms = new LinkedHashSet<>(analysed.terms());
    if (terms.isEmpty() || limit <= 0) return List.of();
    List<EverydayWords.Expansion> phrases = EverydayWords.of(query);
    java.util.concurrent.CompletableFuture<Fusion.Dense> dense =
        Fusion.start(query, phrases, segments, filter);
    List<String> exact = new ArrayList<>(new LinkedHashSet<>(analysed.exact()));
    exact.removeAll(terms);
    List<byte[]> words = new ArrayList<>();
    for (String term : terms) words.add(term.getBytes(StandardCharsets.UTF_8));
    for (String term : exact) words.add(term.getBytes(StandardCharsets.UTF_8));
    Rarity found = lookUp(words);
    int[][] numbers = found.numbers();
    double[] idf = found.idf();
    EverydayScores everyday = new EverydayScores(phrases, List.copyOf(terms), this::lookUp);
    List<Candidate> candidates = new ArrayList<>();
    double coverage = 0;
    for (int s = 0; s < segments.size(); s++) {
      IndexSegment segment = segments.get(s);
      double[] scores = new double[segment.size()];
      double[] strength = new double[segment.size()];
      double[] matched = new double[segment.size()];
      long[] slots = new long[segment.size()];
      int[] own = numbers[s];
      for (int w = 0; w < words.size(); w++) {
        if (own[w] < 0) continue;
        boolean isExact = w >= terms.size();
        for (int p = segment.postingStart(own[w]); p < segment.postingStart(own[w] + 1); p++) {
          int doc = segment.postingDoc(p);
          if (isExact && scores[doc] <= 0) continue;
          double tf = segment.postingWeight(p);
          scores[doc] += idf[w] * tf * (K1 + 1) / (tf + K1);
          if (!isExact) {
            strength[doc] += segment.postingStrength(p);
            matched[doc]++;
            if (w < 64) slots[doc] |= 1L << w;
          }
        }
      }
      everyday.addTo(s, segment, scores, strength, matched, slots);
      int queryTerms = terms.size();
      int[] verbs = verbTerms(segment);
      int segmentIndex = s;
      for (int doc = 0; doc < scores.length; doc++) {
        if (scores[doc] <= 0) continue;
        if (!filter.showsSource(segment.source(doc))) continue;
        int[] misses =
            segment.idMisses(
                doc,
                t -> contains(own, queryTerms, t) || everyday.has(segmentIndex, t),
                t -> contains(verbs, verbs.length, t));
        double score =
            scores[doc] * strength[doc] / queryTerms * IdTerms.fit(misses[0], misses[1], misses[2]);
        candidates.add(new Candidate(segment, doc, score));
        coverage = Math.max(coverage, matched[doc] / queryTerms);
      }
    }
    List<Candidate> fused = Fusion.fuse(candidates, dense, coverage);
    return best(NamedSources.first(query, fused, segments, filter), limit, filter);
  }

  /** Each word's number in each segment (-1 where absent), and its rarity over all of them. */
  record Rarity(int[][] numbers, double[] idf) {}

  private Rarity lookUp(List<byte[]> words) {
    int[][] numbers = new int[segments.size()][words.size()];
    double[] idf = new double[words.size()];
    for (int w = 0; w < words.size(); w++) {
      int df = 0;
      for (int s = 0; s < segments.size(); s++) {
        IndexSegment segment = segments.get(s);
        int term = segment.term(words.get(w));
        numbers[s][w] = term;
        if (term >= 0) df += segment.postingStart(term + 1) - segment.postingStart(term);
      }
      idf[w] = Math.log(1 + (size - df + 0.5) / (df + 0.5));
    }
    return new Rarity(numbers, idf);
  }

  /** A tool that scored, before any of its text is read. */
  record Candidate(IndexSegment segment, int doc, double score) {}

  /** A candidate with its text, read only for those ranked high enough to be looked at. */
  private record Ranked(String id, String description, double score, String copyKey) {}

  /**
   * The first {@code limit} candidates {@code filter} shows, best score first (ties by id), with
   * near-identical copies (another version or method of the same operation) after the distinct
   * ones, so that copies do not crowd out the tool that fits. Only the candidates walked through
   * have their ids and texts read.
   */
  private static List<SearchHit> best(List<Candidate> candidates, int limit, Filter filter) {
    candidates.sort(Comparator.comparingDouble(c -> -c.score()));
    List<Ranked> distinct = new ArrayList<>();
    List<Ranked> copies = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < candidates.size() && distinct.size() < limit; ) {
      int end = i;
      while (end < candidates.size() && candidates.get(end).score() == candidates.get(i).score()) {
        end++;
      }
      List<Ranked> tied = new ArrayList<>();
      for (Candidate c : candidates.subList(i, end)) {
        IndexSegment segment = c.segment();
        String id = segment.id(c.doc());
        String method = segment.method(c.doc());
        if (!filter.shows(segment.source(c.doc()), id, method)) continue;
        String description = segment.description(c.doc());
        String key = copyKey(segment.source(c.doc()), id, method, description);
        tied.add(new Ranked(id, description, c.score(), key));
      }
      tied.sort(Comparator.comparing(Ranked::id));
      for (Ranked r : tied) {
        if (distinct.size() >= limit) break;
        (seen.add(r.copyKey()) ? distinct : copies).add(r);
      }
      i = end;
    }
    distinct.addAll(copies);
    List<SearchHit> hits = new ArrayList<>(Math.min(limit, distinct.size()));
    for (Ranked r : distinct.subList(0, Math.min(limit, distinct.size()))) {
      hits.add(new SearchHit(r.id(), r.description(), Math.round(r.score() * 1000) / 1000.0));
    }
    return hits;
  }

  private static final java.util.regex.Pattern VERSION =
      java.util.regex.Pattern.compile("[Vv]\\d+(?:(?:alpha|beta)\\d*)?(?=[A-Z._]|$)");

  /**
   * What near-identical tools share: their text, and their id without its source, its version words
   * ({@code appsV1beta2}, {@code V1}) and the HTTP method its leaf starts with (an operation
   * offered by GET and POST, a Graph tool in v1.0 and beta).
   */
  private static String copyKey(String source, String id, String method, String description) {
    if (description.isEmpty()) return id;
    String name = id.startsWith(source + ".") ? id.substring(source.length() + 1) : id;
    int dot = name.lastIndexOf('.');
    String leaf = name.substring(dot + 1);
    if (method != null
        && leaf.length() > method.length()
        && leaf.startsWith(method)
        && Character.isUpperCase(leaf.charAt(method.length()))) {
      name = name.substring(0, dot + 1) + leaf.substring(method.length());
    }
    return description + "|" + VERSION.matcher(name).replaceAll("");
  }

  /** The numbers in {@code segment} of {@link IdTerms#VERBS}. */
  private static int[] verbTerms(IndexSegment segment) {
    return IdTerms.VERBS.stream()
        .mapToInt(v -> segment.term(v.getBytes(StandardCharsets.UTF_8)))
        .filter(t -> t >= 0)
        .toArray();
  }

  private static boolean contains(int[] numbers, int count, int term) {
    for (int i = 0; i < count; i++) if (numbers[i] == term) return true;
    return false;
  }

  /**
   * Ids that look like {@code id} (a misspelling, another case, {@code _} for {@code .}), closest
   * first; when none is close in spelling, the best lexical matches of its words.
   */
  public List<String> closestIds(String id, int limit, Filter filter) {
    String wanted = normalize(id);
    int budget = Math.max(2, wanted.length() / 4);
    record Near(String id, int distance) {}
    List<Near> near = new ArrayList<>();
    for (IndexSegment segment : segments) {
      for (int doc = 0; doc < segment.size(); doc++) {
        String candidate = segment.id(doc);
        if (Math.abs(candidate.length() - wanted.length()) > budget) continue;
        if (!filter.shows(segment.source(doc), candidate, segment.method(doc))) continue;
        if (candidate.equals(id)) return List.of(id);
        int distance = EditDistance.bounded(wanted, normalize(candidate), budget);
        if (distance <= budget) near.add(new Near(candidate, distance));
      }
    }
    near.sort(Comparator.comparingInt(Near::distance).thenComparing(Near::id));
    List<String> out = new ArrayList<>();
    for (Near n : near.subList(0, Math.min(limit, near.size()))) out.add(n.id());
    if (out.isEmpty()) search(id, limit, filter).forEach(h -> out.add(h.id()));
    return out;
  }

  private static String normalize(String id) {
    return id.toLowerCase(Locale.ROOT).replace('_', '.').replace('/', '.');
  }
}
