package dev.executortools.search;

import java.util.List;

/**
 * The text of a tool that its dense vector is made of ({@link WordVectors}): the words of its id,
 * summary, the start of its description, its parameter names and what their descriptions say first,
 * each part weighed. Measured on the tuned task sets (BENCHMARKS.md): without the description and
 * parameter names, recall@5 across sixteen APIs 0.806 → 0.783.
 */
final class DenseText {
  private static final float ID = 1;
  private static final float SUMMARY = 1;
  private static final float DESCRIPTION = 0.5f;
  private static final float PARAMETERS = 0.2f;
  private static final float PARAMETER_TEXT = 0.2f;
  private static final int DESCRIPTION_CHARS = 300;

  private DenseText() {}

  /** The tool's vector, of length 1 (all zero when none of its words has a vector). */
  static float[] vector(SearchDocument doc, WordVectors words) {
    float[] v = new float[words.dims()];
    String description = doc.description();
    if (description.length() > DESCRIPTION_CHARS) {
      description = description.substring(0, DESCRIPTION_CHARS);
    }
    add(v, words, doc.searchableId(), ID);
    add(v, words, doc.summary(), SUMMARY);
    add(v, words, description, DESCRIPTION);
    add(v, words, String.join(" ", doc.parameterNames()), PARAMETERS);
    add(v, words, doc.parameterText(), PARAMETER_TEXT);
    WordVectors.normalize(v);
    return v;
  }

  /**
   * Adds the mean vector of {@code text} (of length 1) times {@code weight}: each part counts as
   * weighed however many words it has (one sum of all the words lets a long description drown the
   * name: recall@5 of the dense part alone 0.65 against 0.77 on the tuned sets of ten APIs).
   */
  private static void add(float[] v, WordVectors words, String text, float weight) {
    float[] part = new float[v.length];
    words.addTo(part, text, 1);
    if (!WordVectors.normalize(part)) return;
    for (int j = 0; j < v.length; j++) v[j] += weight * part[j];
  }

  /**
   * A query's vector, of length 1 (all zero when none of its words has a vector): its words, and
   * the first word APIs use for each of its everyday phrases ({@link EverydayWords#of}), weaker.
   */
  static float[] query(String query, List<EverydayWords.Expansion> phrases, WordVectors words) {
    float[] v = new float[words.dims()];
    words.addTo(v, query, 1);
    WordVectors.normalize(v);
    StringBuilder everyday = new StringBuilder();
    for (EverydayWords.Expansion e : phrases) everyday.append(' ').append(e.first());
    if (everyday.length() > 0) {
      float[] part = new float[v.length];
      words.addTo(part, everyday.toString(), 1);
      if (WordVectors.normalize(part)) {
        for (int j = 0; j < v.length; j++) v[j] += EVERYDAY * part[j];
        WordVectors.normalize(v);
      }
    }
    return v;
  }

  /**
   * How much the words APIs use for the task's everyday phrases ({@link EverydayWords}) count in
   * its vector next to its own words (each part normalized); 0.3 to 1 measured (BENCHMARKS.md,
   * "Eleventh session").
   */
  static final float EVERYDAY = 0.6f;
}
