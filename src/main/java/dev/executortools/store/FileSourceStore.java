package dev.executortools.store;

import dev.executortools.StoreProblem;
import dev.executortools.compile.CompiledTool;
import dev.executortools.home.HomeFiles;
import dev.executortools.home.HomeLock;
import dev.executortools.home.JsonFiles;
import dev.executortools.home.PrivateFiles;
import dev.executortools.home.StoreException;
import dev.executortools.internal.Limits;
import dev.executortools.internal.Namespaces;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.JacksonIOException;

/**
 * Sources kept under a home directory, one file per source: {@code <home>/sources/<namespace>.json}
 * (0600, in a 0700 directory). Writes are atomic and serialised across threads and processes by the
 * {@link HomeLock}; reads take no lock. A damaged file is reported, never hidden or deleted.
 */
public final class FileSourceStore implements SourceStore {
  /** The directory of source files, relative to the home directory. */
  public static final String DIRECTORY = "sources";

  private static final String SUFFIX = ".json";

  /** What a source file is called in messages. */
  static final String KIND = "source";

  private final Path home;
  private final Path dir;
  private final SearchIndexFiles searchIndexes;

  public FileSourceStore(Path home) {
    this.home = home;
    this.dir = home.resolve(DIRECTORY);
    this.searchIndexes = new SearchIndexFiles(home, this);
  }

  /** The file a namespace is stored in. */
  public Path fileOf(String namespace) {
    return dir.resolve(namespace + SUFFIX);
  }

  @Override
  public LoadReport loadAll() {
    List<StoredSource> sources = new ArrayList<>();
    List<StoreProblem> problems = new ArrayList<>();
    for (Path file : sourceFiles()) {
      String name = file.getFileName().toString();
      String namespace = name.substring(0, name.length() - SUFFIX.length());
      if (!Namespaces.isWellFormed(namespace)) {
        problems.add(
            new StoreProblem(
                name, file + " is not named after a namespace ([a-z0-9_]+.json)", file.toString()));
        continue;
      }
      try {
        read(file, namespace).ifPresent(sources::add);
      } catch (StoreException e) {
        problems.add(LoadReport.problem(namespace, e));
      }
    }
    return new LoadReport(sources, problems);
  }

  @Override
  public Optional<StoredSource> get(String namespace) {
    if (!Namespaces.isWellFormed(namespace)) return Optional.empty();
    return read(fileOf(namespace), namespace);
  }

  @Override
  public List<String> namespaces() {
    List<String> names = new ArrayList<>();
    for (Path file : sourceFiles()) {
      String name = file.getFileName().toString();
      String namespace = name.substring(0, name.length() - SUFFIX.length());
      if (Namespaces.isWellFormed(namespace)) names.add(namespace);
    }
    return names;
  }

  @Override
  public Optional<SourceSummary> summary(String namespace) {
    if (!Namespaces.isWellFormed(namespace)) return Optional.empty();
    return reading(
        fileOf(namespace), namespace, FileSourceStore::summaryIn, SourceSummary::namespace);
  }

  @Override
  public Optional<SourceSummary> summaryWithSpecText(String namespace) {
    if (!Namespaces.isWellFormed(namespace)) return Optional.empty();
    return reading(
        fileOf(namespace),
        namespace,
        streamed(SourceFile::readSummaryWithSpecText),
        SourceSummary::namespace);
  }

  /** The summary and the tool read through one open of the file. */
  @Override
  public Optional<SourceTool> toolWithSummary(String namespace, String id) {
    if (!Namespaces.isWellFormed(namespace)) return Optional.empty();
    return reading(
        fileOf(namespace),
        namespace,
        (file, channel) -> {
          SourceSummary summary = summaryIn(file, channel);
          return new SourceTool(summary, toolIn(file, channel, id).orElse(null));
        },
        found -> found.summary().namespace());
  }

  @Override
  public List<CompiledTool> tools(String namespace, int from, int count) {
    if (!Namespaces.isWellFormed(namespace)) return List.of();
    Optional<SourceFileIndex.Read<List<CompiledTool>>> read =
        reading(
            fileOf(namespace),
            namespace,
            (f, channel) -> SourceFileIndex.range(channel, from, count),
            null);
    if (read.isEmpty()) return List.of();
    if (read.get().indexed()) return read.get().value();
    return SourceStore.super.tools(namespace, from, count);
  }

  @Override
  public void forEachTool(String namespace, boolean schemas, Consumer<CompiledTool> sink) {
    if (!Namespaces.isWellFormed(namespace)) return;
    reading(
        fileOf(namespace),
        namespace,
        streamed(in -> SourceFile.stream(in, schemas, sink)),
        SourceSummary::namespace);
  }

  @Override
  public void put(StoredSource source) {
    HomeLock.run(home, () -> write(source));
  }

  @Override
  public boolean putIfAbsent(StoredSource source) {
    return HomeLock.locked(
        home,
        () -> {
          if (HomeFiles.exists(fileOf(source.namespace()))) return false;
          write(source);
          return true;
        });
  }

  @Override
  public boolean remove(String namespace) {
    if (!Namespaces.isWellFormed(namespace)) return false;
    HomeFiles.requireDirectory(dir); // a link would lead the delete out of the home
    if (!Files.isDirectory(dir)) return false;
    return HomeLock.locked(
        home,
        () -> {
          searchIndexes.delete(namespace);
          return PrivateFiles.delete(fileOf(namespace));
        });
  }

  /** Modification time, size and file identity: an atomic replace always changes the identity. */
  @Override
  public Optional<Map<String, String>> versions() {
    Map<String, String> versions = new TreeMap<>();
    for (Path file : sourceFiles()) {
      String name = file.getFileName().toString();
      String namespace = name.substring(0, name.length() - SUFFIX.length());
      if (!Namespaces.isWellFormed(namespace)) continue;
      versionOf(file).ifPresent(version -> versions.put(namespace, version));
    }
    return Optional.of(versions);
  }

  /** The version of one source, as {@link #versions()} tells it; empty when there is none. */
  Optional<String> version(String namespace) {
    if (!Namespaces.isWellFormed(namespace)) return Optional.empty();
    return versionOf(fileOf(namespace));
  }

  private static Optional<String> versionOf(Path file) {
    try {
      BasicFileAttributes attributes =
          Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return Optional.of(
          attributes.lastModifiedTime() + "/" + attributes.size() + "/" + attributes.fileKey());
    } catch (IOException e) {
      return Optional.empty(); // removed meanwhile: absent, as it is from the store
    }
  }

  /** The search index beside each source. */
  @Override
  public Optional<SearchIndexFiles> searchIndexes() {
    return Optional.of(searchIndexes);
  }

  @Override
  public String toString() {
    return "FileSourceStore[" + dir + "]";
  }

  private void write(StoredSource source) {
    HomeFiles.requireDirectory(dir);
    PrivateFiles.createDirectories(dir);
    PrivateFiles.deleteStaleTempFiles(dir);
    PrivateFiles.writeAtomically(
        fileOf(source.namespace()),
        out ->
            SourceFile.write(source, new CappedOutputStream(out, Limits.MAX_STORED_SOURCE_BYTES)));
  }

  private Optional<StoredSource> read(Path file, String namespace) {
    return reading(file, namespace, streamed(SourceFile::read), StoredSource::namespace);
  }

  /**
   * What {@code reader} makes of the file, opened once (empty when there is none), with every
   * failure a {@link StoreException}; {@code namespaceOf}, when given, must find the file's own
   * namespace.
   */
  private <T> Optional<T> reading(
      Path file,
      String namespace,
      Content<T> reader,
      java.util.function.Function<T, String> namespaceOf) {
    T source;
    try (FileChannel channel = HomeFiles.open(file, KIND)) {
      if (channel.size() > Limits.MAX_STORED_SOURCE_BYTES) {
        throw new StoreException(
            "source file "
                + file
                + " is larger than "
                + Limits.bytes(Limits.MAX_STORED_SOURCE_BYTES)
                + " (the limit for one stored source), so it"
                + " was not loaded. It was left in place; remove the source and add it again.",
            file);
      }
      source = reader.read(file, channel);
    } catch (StoreException e) {
      throw e;
    } catch (NoSuchFileException e) {
      return Optional.empty(); // removed meanwhile, or never there
    } catch (IOException | JacksonIOException e) {
      throw new StoreException("cannot read " + file + ": " + PrivateFiles.reason(e), file);
    } catch (JacksonException e) {
      throw damaged(file, JsonFiles.syntaxError(e));
    } catch (IllegalArgumentException e) {
      throw damaged(file, e.getMessage());
    } catch (OutOfMemoryError e) {
      throw new StoreException(
          "source file "
              + file
              + " does not fit in this JVM's heap"
              + " (OutOfMemoryError); it was left as it is: give the JVM a larger heap"
              + " (e.g. JAVA_OPTS=-Xmx2g with bin/executor-tools)",
          file);
    } catch (RuntimeException | StackOverflowError e) {
      // Whatever else the content provokes, it must not stop the other sources from loading.
      throw damaged(file, "unexpected content (" + e.getClass().getSimpleName() + ")");
    }
    String stored = namespaceOf == null ? namespace : namespaceOf.apply(source);
    if (!stored.equals(namespace)) {
      throw damaged(file, "it holds namespace \"" + stored + "\", not \"" + namespace + "\"");
    }
    return Optional.of(source);
  }

  /** Reads an open source file. */
  private interface Content<T> {
    T read(Path file, FileChannel channel) throws IOException;
  }

  private interface StreamContent<T> {
    T read(InputStream in) throws IOException;
  }

  /** A reader of the file from its start, as one stream. */
  private static <T> Content<T> streamed(StreamContent<T> reader) {
    return (file, channel) -> reader.read(fromStart(file, channel));
  }

  private static InputStream fromStart(Path file, FileChannel channel) throws IOException {
    channel.position(0);
    return HomeFiles.newInputStream(channel, file, KIND, Limits.MAX_STORED_SOURCE_BYTES);
  }

  private static SourceSummary summaryIn(Path file, FileChannel channel) throws IOException {
    return SourceFile.readSummary(fromStart(file, channel), channel);
  }

  /** The tool with {@code id} in the open file: through its index, else by reading it whole. */
  private static Optional<CompiledTool> toolIn(Path file, FileChannel channel, String id)
      throws IOException {
    SourceFileIndex.Read<Optional<CompiledTool>> read = SourceFileIndex.find(channel, id);
    if (read.indexed()) return read.value();
    CompiledTool[] found = new CompiledTool[1];
    SourceFile.stream(
        fromStart(file, channel),
        true,
        t -> {
          if (found[0] == null && t.tool().id().equals(id)) found[0] = t;
        });
    return Optional.ofNullable(found[0]);
  }

  private StoreException damaged(Path file, String why) {
    return new StoreException(
        "source file "
            + file
            + " is damaged: "
            + why
            + ". It was left in place; fix it, or remove the source and add it again.",
        file);
  }

  private TreeSet<Path> sourceFiles() {
    TreeSet<Path> files = new TreeSet<>();
    HomeFiles.requireDirectory(dir);
    if (!Files.isDirectory(dir)) return files;
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "[!.]*" + SUFFIX)) {
      for (Path file : stream) files.add(file);
    } catch (IOException e) {
      throw new StoreException("cannot list " + dir + ": " + PrivateFiles.reason(e));
    }
    return files;
  }
}
