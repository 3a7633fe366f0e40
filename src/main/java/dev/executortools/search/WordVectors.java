package dev.executortools.search;

import dev.executortools.naming.Words;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Static word vectors distilled from the sentence model all-MiniLM-L6-v2 (the Model2Vec method;
 * {@code WordVectorGenerator} in the tests makes them, {@code SOURCES.md} beside the resource says
 * how): a text's vector is the mean of its words' vectors, each weighed by how rare the word is in
 * API specs (SIF: {@code a / (a + p(word))}, Arora et al. 2017), so that no tokenizer and no model
 * runs here. Read from the resource {@code word-vectors.bin} when a search or an index build first
 * needs them, once per process.
 *
 * <p>Layout (big-endian): magic, format, word count, dimensions, the corpus's word total (long);
 * the words sorted (offsets, then UTF-8 bytes); per word its count in the corpus; per word the
 * scale of its int8 vector; the vectors.
 */
final class WordVectors {
  static final int MAGIC = 0x45545756; // "ETWV"
  static final int FORMAT = 1;

  /**
   * SIF's a: how rare a word must be to count fully. Model2Vec takes 1e-4 over its Zipf estimate;
   * over the specs' own counts 3e-3 ranked best on the tuned task sets (dense alone, recall@5 with
   * the source given: 1e-5 0.72, 1e-4 0.77, 1e-3 0.86, 3e-3 0.87, 1e-2 0.87, no weighting 0.87).
   */
  static final double SIF = 3e-3;

  private static final WordVectors NONE =
      new WordVectors(new int[] {0}, new byte[0], 0, new float[0], new byte[0]);

  /** The sorted words: word i is {@code text[offsets[i], offsets[i + 1])}. */
  private final int[] offsets;

  private final byte[] text;
  private final int dims;

  /** Per word: the scale of its int8 vector times its weight. */
  private final float[] scales;

  private final byte[] vectors;

  /** The length of the longest word (in bytes). */
  private final int longest;

  private WordVectors(int[] offsets, byte[] text, int dims, float[] scales, byte[] vectors) {
    int max = 0;
    for (int i = 0; i + 1 < offsets.length; i++) max = Math.max(max, offsets[i + 1] - offsets[i]);
    this.longest = max;
    this.offsets = offsets;
    this.text = text;
    this.dims = dims;
    this.scales = scales;
    this.vectors = vectors;
  }

  /** The vectors of the resource, read on first use; none (0 dimensions) if it cannot be read. */
  static WordVectors shared() {
    return Holder.SHARED;
  }

  private static final class Holder {
    static final WordVectors SHARED = load("word-vectors.bin");
  }

  /** The vectors of the resource {@code name} beside this class; none if it cannot be read. */
  static WordVectors load(String name) {
    try (InputStream in = WordVectors.class.getResourceAsStream(name)) {
      if (in == null) return NONE;
      return read(new DataInputStream(new BufferedInputStream(in, 1 << 16)));
    } catch (IOException | RuntimeException e) {
      return NONE; // the lexical ranking alone
    }
  }

  /** Reads the layout into flat arrays: no object per word. */
  static WordVectors read(DataInputStream in) throws IOException {
    if (in.readInt() != MAGIC || in.readInt() != FORMAT) throw new IOException("not word vectors");
    int count = in.readInt();
    int dims = in.readInt();
    double total = Math.max(1, in.readLong());
    int[] offsets = new int[count + 1];
    for (int i = 0; i <= count; i++) offsets[i] = in.readInt();
    byte[] text = new byte[offsets[count]];
    in.readFully(text);
    float[] scales = new float[count];
    for (int i = 0; i < count; i++) scales[i] = (float) (SIF / (SIF + in.readInt() / total));
    for (int i = 0; i < count; i++) scales[i] *= in.readFloat();
    byte[] vectors = new byte[count * dims];
    in.readFully(vectors);
    return new WordVectors(offsets, text, dims, scales, vectors);
  }

  /** The number of {@code word} (lower case, ASCII), or -1 when it has no vector. */
  int number(String word) {
    int low = 0;
    int high = offsets.length - 2;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int cmp = compare(mid, word);
      if (cmp < 0) low = mid + 1;
      else if (cmp > 0) high = mid - 1;
      else return mid;
    }
    return -1;
  }

  private int compare(int number, String word) {
    int from = offsets[number];
    int length = offsets[number + 1] - from;
    int n = Math.min(length, word.length());
    for (int i = 0; i < n; i++) {
      int cmp = Integer.compare(text[from + i] & 0xff, word.charAt(i));
      if (cmp != 0) return cmp;
    }
    return Integer.compare(length, word.length());
  }

  /** The number of dimensions; 0 when there are no vectors. */
  int dims() {
    return dims;
  }

  /**
   * Adds the weighed vectors of the words of {@code text} times {@code weight} to {@code sum}:
   * words split as {@link Words} does, lower-cased, stop words left out; a word the vectors lack is
   * looked up without its plural ending, then as two words it runs together ({@code freebusy},
   * {@code chargeback}, {@code worklog}), as a WordPiece model reads an unknown word by its pieces.
   */
  void addTo(float[] sum, String text, float weight) {
    if (dims == 0 || text == null) return;
    for (String word : Words.words(text)) {
      if (word.length() < 2) continue;
      String lower = word.toLowerCase(Locale.ROOT);
      if (Terms.isStopWord(lower)) continue;
      int number = known(lower);
      if (number >= 0) {
        add(sum, number, weight);
        continue;
      }
      // Each part is at most the longest word known (and its plural): linear in the word's length.
      int from = Math.min(lower.length() - COMPOUND_PART, longest);
      int to = Math.max(COMPOUND_PART, lower.length() - longest - 1);
      for (int cut = from; cut >= to; cut--) {
        int left = number(lower.substring(0, cut));
        int right = left < 0 ? -1 : known(lower.substring(cut));
        if (right >= 0) {
          add(sum, left, weight);
          add(sum, right, weight);
          break;
        }
      }
    }
  }

  /** The shortest part of a compound word read as two words. */
  private static final int COMPOUND_PART = 3;

  /**
   * The number of {@code lower}, or of it without its plural ending; -1 when the vectors lack it.
   */
  private int known(String lower) {
    int number = number(lower);
    if (number < 0 && lower.endsWith("s")) number = number(lower.substring(0, lower.length() - 1));
    return number;
  }

  private void add(float[] sum, int number, float weight) {
    float scale = scales[number] * weight;
    int at = number * dims;
    for (int j = 0; j < dims; j++) sum[j] += scale * vectors[at + j];
  }

  /** {@code v} scaled to length 1 in place; false when it is all zero. */
  static boolean normalize(float[] v) {
    double norm = 0;
    for (float f : v) norm += f * f;
    if (norm == 0) return false;
    float inverse = (float) (1 / Math.sqrt(norm));
    for (int j = 0; j < v.length; j++) v[j] *= inverse;
    return true;
  }
}
