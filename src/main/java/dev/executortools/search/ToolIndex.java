package dev.executortools.search;

import dev.executortools.SearchHit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The one ranking behind {@code tools search}, MCP {@code search_tools} and {@code unknown_tool}
 * suggestions: BM25F over each tool's id, summary, path, parameter names, description and what its
 * HTTP method does, with {@link Terms} (word splitting, stemming, synonyms) on both sides; a tool's
 * own word for a query word (its {@code message} for the query's {@code message}) counts a little
 * more than a synonym ({@code mail}). That sum is then weighed by how much of the query the tool
 * covers (a word in its id, summary or path counts fully, one only in its description or parameters
 * by half) and by how well its id fits the query ({@link IdTerms}). Built once per set of tools;
 * immutable and thread-safe; a query costs one pass over the postings of its terms.
 */
public final class ToolIndex {
  private static final double K1 = 1.2;
  private static final int DESCRIPTION_CHARS = 2_000;
  private static final int HIT_DESCRIPTION_CHARS = 200;

  /** How much a tool's own word for a query's word counts, next to a synonym of it. */
  private static final double EXACT_WEIGHT = 0.3;

  private final List<String> ids;

  /** Each tool's text for a hit, already shortened: the documents themselves are not kept. */
  private final List<String> descriptions;

  private final Map<String, Postings> postings;
  private final List<IdTerms> idTerms;
  private final Map<String, Integer> positions = new HashMap<>();

  /**
   * A term's documents, its weight in each and how strongly it is there (see {@link
   * Field#strength}).
   */
  private record Postings(int[] docs, float[] weights, float[] strengths, double idf) {}

  private static final class PostingsBuilder {
    private int[] docs = new int[4];
    private float[] weights = new float[4];
    private float[] strengths = new float[4];
    private int size;

    void add(int doc, float weight, float strength) {
      if (size == docs.length) {
        docs = java.util.Arrays.copyOf(docs, size * 2);
        weights = java.util.Arrays.copyOf(weights, size * 2);
        strengths = java.util.Arrays.copyOf(strengths, size * 2);
      }
      docs[size] = doc;
      strengths[size] = strength;
      weights[size++] = weight;
    }

    Postings build(int documentCount) {
      double idf = Math.log(1 + (documentCount - size + 0.5) / (size + 0.5));
      return new Postings(
          java.util.Arrays.copyOf(docs, size),
          java.util.Arrays.copyOf(weights, size),
          java.util.Arrays.copyOf(strengths, size),
          idf);
    }
  }

  private ToolIndex(
      List<String> ids,
      List<String> descriptions,
      Map<String, Postings> postings,
      List<IdTerms> idTerms) {
    this.ids = ids;
    this.descriptions = descriptions;
    this.postings = postings;
    this.idTerms = idTerms;
    for (int i = 0; i < ids.size(); i++) positions.put(ids.get(i), i);
  }

  public static ToolIndex of(List<SearchDocument> documents) {
    Builder builder = builder();
    documents.forEach(builder::add);
    return builder.build();
  }

  /** For documents that come one at a time (streamed from the store): none is kept whole. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Takes documents one at a time and keeps of each only its id, its hit text and its terms per
   * field, every distinct term string once; {@link #build} then weighs them as {@link #of} does.
   */
  public static final class Builder {
    private final List<String> ids = new ArrayList<>();
    private final List<String> descriptions = new ArrayList<>();
    private final List<Map<Field, Terms.Analysed>> fieldTerms = new ArrayList<>();
    private final List<IdTerms> idTerms = new ArrayList<>();
    private final Map<String, String> interned = new HashMap<>();
    private final Map<String, Terms.Analysed> analysed = new HashMap<>();
    private final double[] totalLength = new double[Field.values().length];

    private Builder() {}

    public Builder add(SearchDocument doc) {
      Map<Field, Terms.Analysed> terms = Field.termsOf(doc, this::analyse);
      terms.forEach((field, a) -> totalLength[field.ordinal()] += a.terms().size());
      ids.add(doc.id());
      descriptions.add(shortDescription(doc));
      fieldTerms.add(terms);
      IdTerms id = IdTerms.of(doc);
      idTerms.add(
          new IdTerms(
              Set.copyOf(intern(List.copyOf(id.leaf()))),
              Set.copyOf(intern(List.copyOf(id.group())))));
      return this;
    }

    /**
     * {@link Terms#analyse}, once per distinct text (tools repeat summaries, descriptions,
     * parameters).
     */
    private Terms.Analysed analyse(String text) {
      Terms.Analysed result = analysed.get(text);
      if (result == null) {
        Terms.Analysed fresh = Terms.analyse(text);
        result = new Terms.Analysed(intern(fresh.terms()), intern(fresh.exact()));
        analysed.put(text, result);
      }
      return result;
    }

    private List<String> intern(List<String> terms) {
      String[] shared = new String[terms.size()];
      for (int i = 0; i < shared.length; i++)
        shared[i] = interned.computeIfAbsent(terms.get(i), t -> t);
      return List.of(shared);
    }

    public ToolIndex build() {
      int count = ids.size();
      double[] average = new double[totalLength.length];
      for (int f = 0; f < average.length; f++) {
        average[f] = count == 0 ? 1 : Math.max(1, totalLength[f] / count);
      }
      Map<String, PostingsBuilder> builders = new HashMap<>();
      for (int d = 0; d < count; d++) {
        Map<String, float[]> weights = new HashMap<>(); // term → {weight, strength}
        for (Map.Entry<Field, Terms.Analysed> entry : fieldTerms.get(d).entrySet()) {
          Field field = entry.getKey();
          List<String> terms = entry.getValue().terms();
          float weight =
              (float)
                  (field.weight
                      / (1 - field.b + field.b * terms.size() / average[field.ordinal()]));
          for (String term : terms) {
            float[] w = weights.computeIfAbsent(term, t -> new float[2]);
            w[0] += weight;
            w[1] = Math.max(w[1], field.strength);
          }
          for (String exact : entry.getValue().exact()) {
            weights.computeIfAbsent(exact, t -> new float[2])[0] += (float) EXACT_WEIGHT * weight;
          }
        }
        int doc = d;
        weights.forEach(
            (term, w) ->
                builders.computeIfAbsent(term, t -> new PostingsBuilder()).add(doc, w[0], w[1]));
      }
      Map<String, Postings> postings = new HashMap<>();
      builders.forEach((term, builder) -> postings.put(term, builder.build(count)));
      return new ToolIndex(
          List.copyOf(ids), List.copyOf(descriptions), postings, List.copyOf(idTerms));
    }
  }

  public int size() {
    return ids.size();
  }

  /**
   * The best {@code limit} tools for a task written in words, best first; none for a blank query.
   */
  public List<SearchHit> search(String query, int limit) {
    return search(query, limit, id -> true);
  }

  /** As {@link #search(String, int)}, among the tools whose id {@code allowed} accepts. */
  public List<SearchHit> search(String query, int limit, Predicate<String> allowed) {
    Terms.Analysed analysed = Terms.analyse(query);
    Set<String> terms = new LinkedHashSet<>(analysed.terms());
    if (terms.isEmpty() || limit <= 0) return List.of();
    double[] scores = new double[ids.size()];
    double[] strength = new double[ids.size()];
    for (String term : terms) {
      Postings p = postings.get(term);
      if (p == null) continue;
      for (int i = 0; i < p.docs.length; i++) {
        double tf = p.weights[i];
        scores[p.docs[i]] += p.idf * tf * (K1 + 1) / (tf + K1);
        strength[p.docs[i]] += p.strengths[i];
      }
    }
    for (String exact : new LinkedHashSet<>(analysed.exact())) {
      Postings p = postings.get(exact);
      if (p == null) continue;
      for (int i = 0; i < p.docs.length; i++) {
        double tf = p.weights[i];
        if (scores[p.docs[i]] > 0) scores[p.docs[i]] += p.idf * tf * (K1 + 1) / (tf + K1);
      }
    }
    List<Integer> ranked = new ArrayList<>();
    for (int d = 0; d < scores.length; d++) {
      if (scores[d] <= 0 || !allowed.test(ids.get(d))) continue;
      scores[d] *= strength[d] / terms.size() * idTerms.get(d).fit(terms);
      ranked.add(d);
    }
    ranked.sort(Comparator.<Integer>comparingDouble(d -> -scores[d]).thenComparing(ids::get));
    List<SearchHit> hits = new ArrayList<>(Math.min(limit, ranked.size()));
    for (int d : ranked.subList(0, Math.min(limit, ranked.size()))) {
      hits.add(
          new SearchHit(ids.get(d), descriptions.get(d), Math.round(scores[d] * 1000) / 1000.0));
    }
    return hits;
  }

  /**
   * Ids that look like {@code id} (a misspelling, another case, {@code _} for {@code .}), closest
   * first; when none is close in spelling, the best lexical matches of its words.
   */
  public List<String> closestIds(String id, int limit, Predicate<String> allowed) {
    if (positions.containsKey(id) && allowed.test(id)) return List.of(id);
    String wanted = normalize(id);
    int budget = Math.max(2, wanted.length() / 4);
    record Near(String id, int distance) {}
    List<Near> near = new ArrayList<>();
    for (String candidate : ids) {
      if (!allowed.test(candidate)) continue;
      int distance = EditDistance.bounded(wanted, normalize(candidate), budget);
      if (distance <= budget) near.add(new Near(candidate, distance));
    }
    near.sort(Comparator.comparingInt(Near::distance).thenComparing(Near::id));
    List<String> out = new ArrayList<>();
    for (Near n : near.subList(0, Math.min(limit, near.size()))) out.add(n.id());
    if (out.isEmpty()) search(id, limit, allowed).forEach(h -> out.add(h.id()));
    return out;
  }

  private static String normalize(String id) {
    return id.toLowerCase(Locale.ROOT).replace('_', '.').replace('/', '.');
  }

  private static String shortDescription(SearchDocument doc) {
    String text = !doc.summary().isBlank() ? doc.summary() : doc.description();
    text = text.strip().replaceAll("\\s+", " ");
    if (text.length() <= HIT_DESCRIPTION_CHARS) return text;
    int cut = text.lastIndexOf(' ', HIT_DESCRIPTION_CHARS);
    return text.substring(0, cut > HIT_DESCRIPTION_CHARS / 2 ? cut : HIT_DESCRIPTION_CHARS) + "…";
  }

  /** Where a term was found, how much it counts there, and how much length dilutes it (b). */
  private enum Field {
    ID(3.0, 0.3, 1),
    SUMMARY(2.0, 0.5, 1),
    PATH(1.0, 0.3, 1),
    VERB(0.7, 0, 0.5),
    PARAMETERS(0.4, 0.5, 0.5),
    DESCRIPTION(1.0, 0.75, 0.5);

    final double weight;
    final double b;

    /** How much a query word found here (only) counts towards covering the query. */
    final float strength;

    Field(double weight, double b, double strength) {
      this.weight = weight;
      this.b = b;
      this.strength = (float) strength;
    }

    static Map<Field, Terms.Analysed> termsOf(
        SearchDocument doc, Function<String, Terms.Analysed> analyse) {
      Map<Field, Terms.Analysed> terms = new java.util.EnumMap<>(Field.class);
      terms.put(ID, analyse.apply(doc.id()));
      terms.put(SUMMARY, analyse.apply(doc.summary()));
      String path = doc.path() == null ? "" : doc.path().replaceAll("\\{[^}]*}", " ");
      terms.put(PATH, analyse.apply(path));
      terms.put(VERB, new Terms.Analysed(verb(doc), List.of()));
      terms.put(PARAMETERS, analyse.apply(String.join(" ", doc.parameterNames())));
      String description = doc.description();
      if (description.length() > DESCRIPTION_CHARS)
        description = description.substring(0, DESCRIPTION_CHARS);
      terms.put(DESCRIPTION, analyse.apply(description));
      return terms;
    }

    /** What the method says a caller does: GET of a collection lists, of an item gets... */
    private static List<String> verb(SearchDocument doc) {
      if (doc.method() == null) return List.of();
      String word =
          switch (doc.method().toLowerCase(Locale.ROOT)) {
            case "get" -> doc.path() != null && doc.path().endsWith("}") ? "get" : "list";
            case "post" -> "create";
            case "put", "patch" -> "update";
            case "delete" -> "delete";
            default -> null;
          };
      return word == null ? List.of() : Terms.of(word);
    }
  }
}
