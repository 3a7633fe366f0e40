package dev.executortools.search;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The search index of one set of tools (a stored source, or the tools held in memory) as flat
 * arrays in one buffer: a file mapped from the home, or bytes just built ({@link SegmentBuilder}).
 * A query reads the postings of its own terms and the ids of the tools it ranks, nothing else; no
 * tool and no schema is read. Layout: a header (magic, format, body length, CRC-32 of the body),
 * the body, then the stamp (what it was built from: {@link #stamped}). The body holds counts, the
 * source and method tables, per tool its source, method, id, hit text and id words (as term
 * numbers), the sorted terms, per term its postings, then the tools' dense vectors ({@link
 * WordVectors}: the dimension count, per tool the scale of its int8 vector, the vectors).
 */
public final class IndexSegment {
  static final int MAGIC = 0x45545349; // "ETSI"

  /**
   * 2: a collection GET's {@code get} in its id words reads as {@code list} ({@link IdTerms}); 3:
   * each tool's dense vector; 4: a GET's verb and id words read from what it answers where its path
   * leaves it open ({@link Answer}); 5: a word the vectors lack read as two words it runs together;
   * 6: what the parameters' descriptions say first ({@link Field#PARAMETER_TEXT}); 7: a long
   * description's first sentence as the summary of an operation that has none ({@link
   * SearchDocument#LEAD_AFTER_CHARS}).
   */
  static final int FORMAT = 7;

  static final int HEADER = 16;

  private final ByteBuffer buf;
  private final String stamp;
  private final int docs;
  private final int terms;
  private final String[] sources;
  private final String[] methods;
  private final int docSourceAt;
  private final int docMethodAt;
  private final int idsAt;
  private final int descriptionsAt;
  private final int idTermOffsetsAt;
  private final int leafCountsAt;
  private final int idTermsAt;
  private final int termsAt;
  private final int postingStartsAt;
  private final int postingDocsAt;
  private final int postingWeightsAt;
  private final int postingStrengthsAt;
  private final int dims;
  private final int vectorScalesAt;
  private final int vectorsAt;

  /** A segment's stored form could not be read: the caller rebuilds it. */
  public static final class DamagedException extends RuntimeException {
    DamagedException(String message) {
      super(message);
    }
  }

  private IndexSegment(ByteBuffer whole) {
    if (whole.remaining() < HEADER) throw new DamagedException("shorter than its header");
    ByteBuffer b = whole.slice();
    if (b.getInt(0) != MAGIC) throw new DamagedException("not a search index");
    if (b.getInt(4) != FORMAT) throw new DamagedException("format " + b.getInt(4));
    int length = b.getInt(8);
    if (length < 0 || length > b.limit() - HEADER) throw new DamagedException("truncated");
    CRC32 crc = new CRC32();
    crc.update(b.slice(HEADER, length));
    if ((int) crc.getValue() != b.getInt(12)) throw new DamagedException("checksum differs");
    buf = b.slice(HEADER, length);
    byte[] tail = new byte[b.limit() - HEADER - length];
    b.get(HEADER + length, tail);
    stamp = new String(tail, StandardCharsets.UTF_8);
    Cursor at = new Cursor();
    docs = at.count();
    terms = at.count();
    int postings = at.count();
    int idTerms = at.count();
    sources = at.table();
    methods = at.table();
    docSourceAt = at.skip(2L * docs);
    docMethodAt = at.skip(docs);
    idsAt = at.strings(docs);
    descriptionsAt = at.strings(docs);
    idTermOffsetsAt = at.skip(4L * (docs + 1));
    leafCountsAt = at.skip(2L * docs);
    idTermsAt = at.skip(4L * idTerms);
    termsAt = at.strings(terms);
    postingStartsAt = at.skip(4L * (terms + 1));
    postingDocsAt = at.skip(4L * postings);
    postingWeightsAt = at.skip(4L * postings);
    postingStrengthsAt = at.skip(postings);
    dims = at.count();
    vectorScalesAt = at.skip(4L * docs);
    vectorsAt = at.skip((long) docs * dims);
    if (at.position != buf.limit()) throw new DamagedException("sections do not add up");
    if (buf.getInt(postingStartsAt + 4 * terms) != postings
        || buf.getInt(idTermOffsetsAt + 4 * docs) != idTerms) {
      throw new DamagedException("counts do not add up");
    }
  }

  /**
   * The segment in {@code buffer} (from its position to its limit), checked whole (its checksum).
   *
   * @throws DamagedException when it is not a segment of this format, or damaged
   */
  public static IndexSegment read(ByteBuffer buffer) {
    try {
      return new IndexSegment(buffer);
    } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
      throw new DamagedException("sections out of bounds");
    }
  }

  /** What the segment was built from ({@link #stamped}); empty when unstamped. */
  public String stamp() {
    return stamp;
  }

  /**
   * The stored form of a segment built by {@link SegmentBuilder#toBuffer()}, marked with what it
   * was built from: its bytes, then the stamp's.
   */
  public static ByteBuffer[] stamped(ByteBuffer built, String stamp) {
    return new ByteBuffer[] {
      built.duplicate(), ByteBuffer.wrap(stamp.getBytes(StandardCharsets.UTF_8))
    };
  }

  public int size() {
    return docs;
  }

  public String id(int doc) {
    return stringAt(idsAt, docs, doc);
  }

  /** The sources whose tools the segment holds. */
  public List<String> sources() {
    return List.of(sources);
  }

  public String source(int doc) {
    return sources[buf.getShort(docSourceAt + 2 * doc)];
  }

  /** The HTTP method in lower case, or null for a tool that is not an HTTP operation. */
  public String method(int doc) {
    String method = methods[buf.get(docMethodAt + doc)];
    return method.isEmpty() ? null : method;
  }

  String description(int doc) {
    return stringAt(descriptionsAt, docs, doc);
  }

  /** The dimensions of the tools' dense vectors; 0 when the segment has none. */
  int dims() {
    return dims;
  }

  /**
   * The cosine of each tool's dense vector with {@code query} (of length 1, {@link #dims}
   * dimensions) into {@code into}; 0 for a tool without words the vectors know.
   */
  void cosines(float[] query, float[] into) {
    byte[] row = new byte[dims];
    for (int doc = 0; doc < docs; doc++) {
      buf.get(vectorsAt + doc * dims, row);
      float dot = 0;
      for (int j = 0; j < dims; j++) dot += query[j] * row[j];
      into[doc] = dot * buf.getFloat(vectorScalesAt + 4 * doc);
    }
  }

  /** The number of {@code term}, or -1 when no tool here has it. */
  int term(byte[] term) {
    int low = 0;
    int high = terms - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int cmp = compareTerm(mid, term);
      if (cmp < 0) low = mid + 1;
      else if (cmp > 0) high = mid - 1;
      else return mid;
    }
    return -1;
  }

  /** Where the postings of term number {@code term} start, and end (exclusive) at {@code +1}. */
  int postingStart(int term) {
    return buf.getInt(postingStartsAt + 4 * term);
  }

  int postingDoc(int posting) {
    return buf.getInt(postingDocsAt + 4 * posting);
  }

  float postingWeight(int posting) {
    return buf.getFloat(postingWeightsAt + 4 * posting);
  }

  float postingStrength(int posting) {
    return buf.get(postingStrengthsAt + posting) / 2f;
  }

  /**
   * How many words of the tool's id leaf and group the query (its term numbers, {@code inQuery})
   * does not mention, with the leaf words {@code verb} tells apart ({@code create}, {@code
   * delete}...) counted on their own: {@code [leaf, group, verb]}.
   */
  int[] idMisses(
      int doc, java.util.function.IntPredicate inQuery, java.util.function.IntPredicate verb) {
    int from = buf.getInt(idTermOffsetsAt + 4 * doc);
    int to = buf.getInt(idTermOffsetsAt + 4 * (doc + 1));
    int leaf = buf.getShort(leafCountsAt + 2 * doc);
    int[] misses = new int[3];
    for (int i = from; i < to; i++) {
      int term = buf.getInt(idTermsAt + 4 * i);
      if (inQuery.test(term)) continue;
      boolean inLeaf = i - from < leaf;
      misses[inLeaf && verb.test(term) ? 2 : inLeaf ? 0 : 1]++;
    }
    return misses;
  }

  private int compareTerm(int term, byte[] wanted) {
    int from = buf.getInt(termsAt + 4 * term);
    int to = buf.getInt(termsAt + 4 * (term + 1));
    int base = termsAt + 4 * (terms + 1);
    int n = Math.min(to - from, wanted.length);
    for (int i = 0; i < n; i++) {
      int cmp = Integer.compare(buf.get(base + from + i) & 0xff, wanted[i] & 0xff);
      if (cmp != 0) return cmp;
    }
    return Integer.compare(to - from, wanted.length);
  }

  private String stringAt(int at, int count, int index) {
    int from = buf.getInt(at + 4 * index);
    int to = buf.getInt(at + 4 * (index + 1));
    byte[] bytes = new byte[to - from];
    buf.get(at + 4 * (count + 1) + from, bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** Reads the body's fixed parts in order, checking each against the body's end. */
  private final class Cursor {
    int position;

    int count() {
      int value = buf.getInt(position);
      position += 4;
      if (value < 0) throw new DamagedException("negative count");
      return value;
    }

    String string() {
      int length = count();
      byte[] bytes = new byte[length];
      buf.get(position, bytes);
      position += length;
      return new String(bytes, StandardCharsets.UTF_8);
    }

    String[] table() {
      String[] values = new String[count()];
      for (int i = 0; i < values.length; i++) values[i] = string();
      return values;
    }

    int skip(long bytes) {
      int start = position;
      if (bytes > buf.limit() - position) throw new DamagedException("sections out of bounds");
      position += (int) bytes;
      return start;
    }

    /** N + 1 offsets then the strings' bytes; where the offsets start. */
    int strings(int n) {
      int start = skip(4L * (n + 1));
      int length = buf.getInt(start + 4 * n);
      if (length < 0) throw new DamagedException("negative length");
      skip(length);
      return start;
    }
  }
}
