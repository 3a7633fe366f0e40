package dev.executortools.search;

import dev.executortools.internal.Json;
import dev.executortools.naming.Words;
import dev.executortools.testing.Corpus;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import tools.jackson.databind.JsonNode;

/**
 * On demand (not a unit test): distils the sentence model all-MiniLM-L6-v2 into the static word
 * vectors of {@link WordVectors}, the Model2Vec method (Tulkens and van Dongen, Minish Lab 2024,
 * https://github.com/MinishLab/model2vec): each word of the vocabulary is run through the sentence
 * model once, alone; the vectors are reduced by PCA to {@code DIMS} dimensions; each word keeps how
 * often the corpus's specs use it, from which {@link WordVectors} weighs it (SIF, Arora et al.
 * 2017). The vocabulary is what {@link WordVectors#words} makes of a text at run time: the whole
 * words of the model's own WordPiece vocabulary and the words the corpus's specs use at least
 * {@link #MIN_SPEC_COUNT} times (never the task files).
 *
 * <pre>
 * mvn -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     dev.executortools.search.WordVectorGenerator [DIMS]
 * </pre>
 *
 * The model's vectors of every word are kept in {@code target/word-vectors-raw.bin}, so that
 * another run (another dimension) does not run the model again.
 */
public final class WordVectorGenerator {
  static final Path OUT = Path.of("src/main/resources/dev/executortools/search/word-vectors.bin");
  private static final Path RAW = Path.of("target/word-vectors-raw.bin");
  private static final int MIN_SPEC_COUNT = 3;
  private static final int MAX_SPEC_WORDS = 20_000;
  private static final Pattern WORD = Pattern.compile("[a-z]{2,24}");

  private WordVectorGenerator() {}

  public static void main(String[] args) throws IOException {
    int dims = args.length > 0 ? Integer.parseInt(args[0]) : 128;
    Map<String, Long> counts = specWordCounts();
    List<String> vocabulary = vocabulary(counts);
    System.out.printf("vocabulary: %d words%n", vocabulary.size());
    Map<String, float[]> raw = embedded(vocabulary);
    float[][] reduced = pca(vocabulary, raw, dims);
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    write(OUT, vocabulary, counts, total, reduced, dims);
    System.out.printf("wrote %s: %d bytes%n", OUT, Files.size(OUT));
  }

  /** How often each word occurs in the corpus's specs, split and lower-cased as at run time. */
  static Map<String, Long> specWordCounts() {
    Map<String, Long> counts = new HashMap<>();
    for (String file : Corpus.FILES) {
      for (String word : Words.words(Corpus.read(file))) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (WORD.matcher(lower).matches()) counts.merge(lower, 1L, Long::sum);
      }
    }
    return counts;
  }

  /** The model's whole words and the specs' frequent words, sorted. */
  static List<String> vocabulary(Map<String, Long> counts) throws IOException {
    TreeSet<String> words = new TreeSet<>();
    try (InputStream in =
        AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream(
            "/all-minilm-l6-v2-q-tokenizer.json")) {
      JsonNode vocab = Json.MAPPER.readTree(in).path("model").path("vocab");
      for (String entry : vocab.propertyNames()) {
        if (WORD.matcher(entry).matches()) words.add(entry);
      }
    }
    int model = words.size();
    counts.entrySet().stream()
        .filter(e -> e.getValue() >= MIN_SPEC_COUNT && !words.contains(e.getKey()))
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
        .limit(MAX_SPEC_WORDS)
        .forEach(e -> words.add(e.getKey()));
    System.out.printf("model words %d, spec words %d%n", model, words.size() - model);
    return new ArrayList<>(words);
  }

  /** Each word's vector from the model, read back from {@link #RAW} when it holds them. */
  private static Map<String, float[]> embedded(List<String> vocabulary) throws IOException {
    Map<String, float[]> vectors = new HashMap<>();
    if (Files.exists(RAW)) {
      try (DataInputStream in =
          new DataInputStream(new BufferedInputStream(Files.newInputStream(RAW)))) {
        int n = in.readInt();
        int d = in.readInt();
        for (int i = 0; i < n; i++) {
          String word = in.readUTF();
          float[] v = new float[d];
          for (int j = 0; j < d; j++) v[j] = in.readFloat();
          vectors.put(word, v);
        }
      }
    }
    List<String> missing = vocabulary.stream().filter(w -> !vectors.containsKey(w)).toList();
    if (!missing.isEmpty()) {
      AllMiniLmL6V2QuantizedEmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();
      long start = System.nanoTime();
      for (int from = 0; from < missing.size(); from += 512) {
        List<String> batch = missing.subList(from, Math.min(missing.size(), from + 512));
        List<Embedding> embeddings =
            model.embedAll(batch.stream().map(TextSegment::from).toList()).content();
        for (int i = 0; i < batch.size(); i++)
          vectors.put(batch.get(i), embeddings.get(i).vector());
        System.out.printf(
            "embedded %d of %d (%.0f s)%n",
            from + batch.size(), missing.size(), (System.nanoTime() - start) / 1e9);
      }
      Files.createDirectories(RAW.getParent());
      try (DataOutputStream out =
          new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(RAW)))) {
        out.writeInt(vectors.size());
        out.writeInt(vectors.values().iterator().next().length);
        for (Map.Entry<String, float[]> e : vectors.entrySet()) {
          out.writeUTF(e.getKey());
          for (float f : e.getValue()) out.writeFloat(f);
        }
      }
    }
    return vectors;
  }

  /** The vocabulary's vectors, centred and projected on their first {@code dims} components. */
  private static float[][] pca(List<String> vocabulary, Map<String, float[]> raw, int dims) {
    int d = raw.get(vocabulary.get(0)).length;
    double[] mean = new double[d];
    for (String w : vocabulary) {
      float[] v = raw.get(w);
      for (int j = 0; j < d; j++) mean[j] += v[j] / vocabulary.size();
    }
    double[][] covariance = new double[d][d];
    double[] c = new double[d];
    for (String w : vocabulary) {
      float[] v = raw.get(w);
      for (int j = 0; j < d; j++) c[j] = v[j] - mean[j];
      for (int a = 0; a < d; a++) {
        for (int b = a; b < d; b++) covariance[a][b] += c[a] * c[b];
      }
    }
    for (int a = 0; a < d; a++) {
      for (int b = a; b < d; b++) covariance[b][a] = covariance[a][b] /= vocabulary.size();
    }
    EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(covariance));
    double[] values = eigen.getRealEigenvalues();
    Integer[] order = new Integer[d];
    for (int i = 0; i < d; i++) order[i] = i;
    java.util.Arrays.sort(order, (x, y) -> Double.compare(values[y], values[x]));
    RealMatrix vectors = eigen.getV();
    double kept = 0;
    double all = 0;
    for (int i = 0; i < d; i++) {
      all += values[order[i]];
      if (i < dims) kept += values[order[i]];
    }
    System.out.printf("PCA %d of %d dimensions keeps %.3f of the variance%n", dims, d, kept / all);
    float[][] reduced = new float[vocabulary.size()][dims];
    for (int i = 0; i < vocabulary.size(); i++) {
      float[] v = raw.get(vocabulary.get(i));
      for (int k = 0; k < dims; k++) {
        double sum = 0;
        int column = order[k];
        for (int j = 0; j < d; j++) sum += (v[j] - mean[j]) * vectors.getEntry(j, column);
        reduced[i][k] = (float) sum;
      }
    }
    return reduced;
  }

  /** The layout {@link WordVectors} reads. */
  private static void write(
      Path out, List<String> words, Map<String, Long> counts, long total, float[][] v, int dims)
      throws IOException {
    Files.createDirectories(out.getParent());
    try (DataOutputStream o =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(out)))) {
      o.writeInt(WordVectors.MAGIC);
      o.writeInt(WordVectors.FORMAT);
      o.writeInt(words.size());
      o.writeInt(dims);
      o.writeLong(total);
      int offset = 0;
      o.writeInt(0);
      for (String w : words) o.writeInt(offset += w.getBytes(StandardCharsets.UTF_8).length);
      for (String w : words) o.write(w.getBytes(StandardCharsets.UTF_8));
      for (String w : words)
        o.writeInt((int) Math.min(Integer.MAX_VALUE, counts.getOrDefault(w, 0L)));
      for (float[] row : v) {
        float max = 0;
        for (float f : row) max = Math.max(max, Math.abs(f));
        o.writeFloat(max / 127f);
      }
      for (float[] row : v) {
        float max = 0;
        for (float f : row) max = Math.max(max, Math.abs(f));
        for (float f : row) o.writeByte(max == 0 ? 0 : Math.round(f / max * 127f));
      }
    }
  }
}
