package dev.executortools.search;

/**
 * The text of a tool that its dense vector is made of ({@link WordVectors}): the words of its id,
 * summary, the start of its description and its parameter names, each part weighed.
 */
final class DenseText {
  static final float ID = Float.parseFloat(System.getProperty("dense.id", "1"));
  static final float SUMMARY = Float.parseFloat(System.getProperty("dense.summary", "1"));
  static final float DESCRIPTION = Float.parseFloat(System.getProperty("dense.description", "0.5"));
  static final float PARAMETERS = Float.parseFloat(System.getProperty("dense.parameters", "0.2"));
  static final int DESCRIPTION_CHARS = Integer.getInteger("dense.chars", 300);
  static final boolean FIELD_MEAN =
      Boolean.parseBoolean(System.getProperty("dense.fieldMean", "true"));

  private DenseText() {}

  /** The tool's vector, of length 1 (all zero when none of its words has a vector). */
  static float[] vector(SearchDocument doc, WordVectors words) {
    float[] v = new float[words.dims()];
    String description = doc.description();
    if (description.length() > DESCRIPTION_CHARS)
      description = description.substring(0, DESCRIPTION_CHARS);
    add(v, words, doc.searchableId(), ID);
    add(v, words, doc.summary(), SUMMARY);
    add(v, words, description, DESCRIPTION);
    add(v, words, String.join(" ", doc.parameterNames()), PARAMETERS);
    WordVectors.normalize(v);
    return v;
  }

  private static void add(float[] v, WordVectors words, String text, float weight) {
    if (!FIELD_MEAN) {
      words.addTo(v, text, weight);
      return;
    }
    float[] field = new float[v.length];
    words.addTo(field, text, 1);
    WordVectors.normalize(field);
    for (int j = 0; j < v.length; j++) v[j] += weight * field[j];
  }

  /** A query's vector, of length 1 (all zero when none of its words has a vector). */
  static float[] query(String query, WordVectors words) {
    float[] v = new float[words.dims()];
    words.addTo(v, query, 1);
    WordVectors.normalize(v);
    return v;
  }
}
