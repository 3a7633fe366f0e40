package dev.executortools.search;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Takes tools one at a time (streamed from the store, or just compiled) and keeps of each only its
 * id, its hit text, its source and method and its terms per field, every distinct term string once;
 * {@link #toBuffer} then weighs them (BM25F) and lays them out as one {@link IndexSegment}: what is
 * stored beside a source and read back without reading its tools.
 */
public final class SegmentBuilder {
  /** How much a tool's own word for a query's word counts, next to a synonym of it. */
  static final double EXACT_WEIGHT = 0.3;

  private static final int HIT_DESCRIPTION_CHARS = 200;

  private final List<String> ids = new ArrayList<>();
  private final List<String> descriptions = new ArrayList<>();
  private final List<Integer> sources = new ArrayList<>();
  private final List<Integer> methods = new ArrayList<>();
  private final Map<String, Integer> sourceTable = new LinkedHashMap<>();
  private final Map<String, Integer> methodTable = new LinkedHashMap<>();
  private final List<Map<Field, Terms.Analysed>> fieldTerms = new ArrayList<>();
  private final List<IdTerms> idTerms = new ArrayList<>();
  private final Map<String, String> interned = new HashMap<>();
  private final Map<String, Terms.Analysed> analysed = new HashMap<>();
  private final double[] totalLength = new double[Field.values().length];
  private final WordVectors wordVectors = WordVectors.shared();
  private byte[] vectors = new byte[0];
  private float[] vectorScales = new float[16];

  public SegmentBuilder add(SearchDocument doc) {
    Map<Field, Terms.Analysed> terms = Field.termsOf(doc, this::analyse);
    terms.forEach((field, a) -> totalLength[field.ordinal()] += a.terms().size());
    ids.add(doc.id());
    descriptions.add(shortDescription(doc));
    sources.add(sourceTable.computeIfAbsent(doc.source(), s -> sourceTable.size()));
    String method = doc.method() == null ? "" : doc.method();
    methods.add(methodTable.computeIfAbsent(method, m -> methodTable.size()));
    fieldTerms.add(terms);
    IdTerms id = IdTerms.of(doc);
    idTerms.add(
        new IdTerms(
            Set.copyOf(intern(List.copyOf(id.leaf()))),
            Set.copyOf(intern(List.copyOf(id.group())))));
    addVector(DenseText.vector(doc, wordVectors));
    return this;
  }

  /** A tool's dense vector (of length 1, or all zero) as int8 and a scale. */
  private void addVector(float[] v) {
    int doc = ids.size() - 1;
    if (doc >= vectorScales.length) vectorScales = Arrays.copyOf(vectorScales, doc * 2);
    if ((doc + 1) * v.length > vectors.length) {
      vectors = Arrays.copyOf(vectors, Math.max(16, doc * 2) * v.length);
    }
    float max = 0;
    for (float f : v) max = Math.max(max, Math.abs(f));
    for (int j = 0; j < v.length && max > 0; j++) {
      vectors[doc * v.length + j] = (byte) Math.round(v[j] / max * 127);
    }
    vectorScales[doc] = max / 127;
  }

  public int size() {
    return ids.size();
  }

  /** {@link Terms#analyse}, once per distinct text (tools repeat summaries and descriptions). */
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

  /** The segment, held in memory. */
  public IndexSegment build() {
    return IndexSegment.read(toBuffer());
  }

  /** The segment's form, as {@link IndexSegment#read} reads it (unstamped). */
  public java.nio.ByteBuffer toBuffer() {
    int count = ids.size();
    double[] average = new double[totalLength.length];
    for (int f = 0; f < average.length; f++) {
      average[f] = count == 0 ? 1 : Math.max(1, totalLength[f] / count);
    }
    Map<String, Postings> postings = new HashMap<>();
    for (int d = 0; d < count; d++) {
      Map<String, float[]> weights = new HashMap<>(); // term → {weight, strength}
      for (Map.Entry<Field, Terms.Analysed> entry : fieldTerms.get(d).entrySet()) {
        Field field = entry.getKey();
        List<String> terms = entry.getValue().terms();
        float weight =
            (float)
                (field.weight / (1 - field.b + field.b * terms.size() / average[field.ordinal()]));
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
          (term, w) -> postings.computeIfAbsent(term, t -> new Postings()).add(doc, w[0], w[1]));
    }
    for (IdTerms id : idTerms) {
      for (String term : id.leaf()) postings.computeIfAbsent(term, t -> new Postings());
      for (String term : id.group()) postings.computeIfAbsent(term, t -> new Postings());
    }
    return write(postings);
  }

  private java.nio.ByteBuffer write(Map<String, Postings> postings) {
    int count = ids.size();
    byte[][] termBytes = new byte[postings.size()][];
    String[] terms = postings.keySet().toArray(String[]::new);
    for (int t = 0; t < terms.length; t++) termBytes[t] = utf8(terms[t]);
    Integer[] order = new Integer[terms.length];
    for (int t = 0; t < order.length; t++) order[t] = t;
    Arrays.sort(order, (a, b) -> Arrays.compareUnsigned(termBytes[a], termBytes[b]));
    Map<String, Integer> ordinals = new HashMap<>();
    for (int o = 0; o < order.length; o++) ordinals.put(terms[order[o]], o);
    int postingCount = 0;
    for (Postings p : postings.values()) postingCount += p.size;
    int idTermCount = 0;
    for (IdTerms id : idTerms) idTermCount += id.leaf().size() + id.group().size();

    List<byte[]> idBytes = ids.stream().map(SegmentBuilder::utf8).toList();
    List<byte[]> descriptionBytes = descriptions.stream().map(SegmentBuilder::utf8).toList();
    long termBytesTotal = 0;
    for (byte[] t : termBytes) termBytesTotal += t.length;
    // The exact size, so that the buffer is never grown by copying (a large source's index is
    // tens of MB, built beside the source's own compilation in the same heap).
    long size =
        IndexSegment.HEADER
            + 16L
            + tableBytes(sourceTable.keySet())
            + tableBytes(methodTable.keySet())
            + 3L * count
            + stringsBytes(idBytes)
            + stringsBytes(descriptionBytes)
            + 4L * (count + 1)
            + 2L * count
            + 4L * idTermCount
            + 4L * (terms.length + 1)
            + termBytesTotal
            + 4L * (terms.length + 1)
            + 9L * postingCount
            + 4
            + (4L + wordVectors.dims()) * count;
    Output bytes = new Output((int) Math.min(Integer.MAX_VALUE - 8, size));
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(count);
      out.writeInt(terms.length);
      out.writeInt(postingCount);
      out.writeInt(idTermCount);
      writeTable(out, sourceTable.keySet());
      writeTable(out, methodTable.keySet());
      for (int source : sources) out.writeShort(source);
      for (int method : methods) out.writeByte(method);
      writeStrings(out, idBytes);
      writeStrings(out, descriptionBytes);
      int offset = 0;
      out.writeInt(0);
      for (IdTerms id : idTerms) out.writeInt(offset += id.leaf().size() + id.group().size());
      for (IdTerms id : idTerms) out.writeShort(id.leaf().size());
      for (IdTerms id : idTerms) {
        for (String term : id.leaf()) out.writeInt(ordinals.get(term));
        for (String term : id.group()) out.writeInt(ordinals.get(term));
      }
      List<byte[]> sortedTerms = new ArrayList<>(terms.length);
      for (Integer t : order) sortedTerms.add(termBytes[t]);
      writeStrings(out, sortedTerms);
      int start = 0;
      out.writeInt(0);
      for (Integer t : order) out.writeInt(start += postings.get(terms[t]).size);
      for (Integer t : order) {
        Postings p = postings.get(terms[t]);
        for (int i = 0; i < p.size; i++) out.writeInt(p.docs[i]);
      }
      for (Integer t : order) {
        Postings p = postings.get(terms[t]);
        for (int i = 0; i < p.size; i++) out.writeFloat(p.weights[i]);
      }
      for (Integer t : order) {
        Postings p = postings.get(terms[t]);
        for (int i = 0; i < p.size; i++) out.writeByte(Math.round(p.strengths[i] * 2));
      }
      out.writeInt(wordVectors.dims());
      for (int d = 0; d < count; d++) out.writeFloat(vectorScales[d]);
      out.write(vectors, 0, count * wordVectors.dims());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    java.nio.ByteBuffer whole = bytes.buffer();
    CRC32 crc = new CRC32();
    crc.update(whole.array(), IndexSegment.HEADER, whole.limit() - IndexSegment.HEADER);
    whole.putInt(0, IndexSegment.MAGIC);
    whole.putInt(4, IndexSegment.FORMAT);
    whole.putInt(8, whole.limit() - IndexSegment.HEADER);
    whole.putInt(12, (int) crc.getValue());
    return whole;
  }

  /** Bytes written after room for the header, handed out without a copy. */
  private static final class Output extends ByteArrayOutputStream {
    Output(int capacity) {
      super(capacity);
      write(new byte[IndexSegment.HEADER], 0, IndexSegment.HEADER);
    }

    java.nio.ByteBuffer buffer() {
      return java.nio.ByteBuffer.wrap(buf, 0, count).slice();
    }
  }

  private static long tableBytes(Iterable<String> values) {
    long size = 4;
    for (String value : values) size += 4 + utf8(value).length;
    return size;
  }

  private static long stringsBytes(List<byte[]> values) {
    long size = 4L * (values.size() + 1);
    for (byte[] value : values) size += value.length;
    return size;
  }

  private static void writeString(DataOutputStream out, String value) throws IOException {
    byte[] bytes = utf8(value);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static void writeTable(DataOutputStream out, Iterable<String> values) throws IOException {
    List<String> list = new ArrayList<>();
    values.forEach(list::add);
    out.writeInt(list.size());
    for (String value : list) writeString(out, value);
  }

  /** N + 1 offsets, then the bytes of the N strings one after another. */
  private static void writeStrings(DataOutputStream out, List<byte[]> values) throws IOException {
    int offset = 0;
    out.writeInt(0);
    for (byte[] value : values) out.writeInt(offset += value.length);
    for (byte[] value : values) out.write(value);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String shortDescription(SearchDocument doc) {
    String text = !doc.summary().isBlank() ? doc.summary() : doc.description();
    text = text.strip();
    if (!isSpacedOnce(text)) text = text.replaceAll("\\s+", " ");
    if (text.length() <= HIT_DESCRIPTION_CHARS) return text;
    int cut = text.lastIndexOf(' ', HIT_DESCRIPTION_CHARS);
    return text.substring(0, cut > HIT_DESCRIPTION_CHARS / 2 ? cut : HIT_DESCRIPTION_CHARS) + "…";
  }

  /**
   * Whether {@code text} has no whitespace but single spaces (nor control characters): collapsing
   * its whitespace would not change it (most summaries), and the pattern is not run.
   */
  private static boolean isSpacedOnce(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ' ? i > 0 && text.charAt(i - 1) == ' ' : c <= ' ' && c >= '\t') return false;
    }
    return true;
  }

  /** One term's documents, its weight in each and how strongly it is there. */
  private static final class Postings {
    private int[] docs = new int[4];
    private float[] weights = new float[4];
    private float[] strengths = new float[4];
    private int size;

    void add(int doc, float weight, float strength) {
      if (size == docs.length) {
        docs = Arrays.copyOf(docs, size * 2);
        weights = Arrays.copyOf(weights, size * 2);
        strengths = Arrays.copyOf(strengths, size * 2);
      }
      docs[size] = doc;
      strengths[size] = strength;
      weights[size++] = weight;
    }
  }
}
