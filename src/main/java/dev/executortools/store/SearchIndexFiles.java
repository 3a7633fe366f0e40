package dev.executortools.store;

import dev.executortools.home.HomeFiles;
import dev.executortools.home.HomeLock;
import dev.executortools.home.PrivateFiles;
import dev.executortools.home.StoreException;
import dev.executortools.internal.Limits;
import dev.executortools.internal.Namespaces;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The search index of each stored source, in a file beside it: {@code
 * <home>/sources/<namespace>.search} (0600), written when the source is added or refreshed (or, for
 * a source stored before, by the first search), removed with it. Its content is the search's
 * business; this class only maps, writes and deletes it, and tells the source file's version, which
 * the index records to show which source it was built from.
 */
public final class SearchIndexFiles {
  private static final String SUFFIX = ".search";
  private static final String KIND = "search index";

  private final Path home;
  private final FileSourceStore store;

  SearchIndexFiles(Path home, FileSourceStore store) {
    this.home = home;
    this.store = store;
  }

  /** The index file of {@code namespace}. */
  public Path fileOf(String namespace) {
    return store.fileOf(namespace).resolveSibling(namespace + SUFFIX);
  }

  /**
   * The version of the source file of {@code namespace} (as {@link SourceStore#versions()} tells
   * it), or empty when there is none.
   */
  public Optional<String> sourceVersion(String namespace) {
    return store.version(namespace);
  }

  /**
   * The index of {@code namespace} mapped read-only, or empty when there is none.
   *
   * @throws StoreException when it exists but cannot be read (not a regular file, too large, I/O)
   */
  public Optional<ByteBuffer> read(String namespace) {
    if (!Namespaces.isWellFormed(namespace)) return Optional.empty();
    Path file = fileOf(namespace);
    try (FileChannel channel = HomeFiles.open(file, KIND)) {
      long size = channel.size();
      if (size > Limits.MAX_STORED_SOURCE_BYTES) {
        throw new StoreException(file + " is larger than a search index can be", file);
      }
      return Optional.of(channel.map(FileChannel.MapMode.READ_ONLY, 0, size));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new StoreException("cannot read " + file + ": " + PrivateFiles.reason(e), file);
    }
  }

  /**
   * Replaces the index of {@code namespace} with {@code parts} (each from its position to its
   * limit, one after another), atomically.
   *
   * @throws StoreException when it cannot be written
   */
  public void write(String namespace, ByteBuffer... parts) {
    PrivateFiles.writeAtomically(
        fileOf(namespace),
        out -> {
          var channel = Channels.newChannel(out);
          for (ByteBuffer part : parts) channel.write(part.duplicate());
        });
  }

  /** Removes the index of {@code namespace}, if there is one. */
  public void delete(String namespace) {
    if (Namespaces.isWellFormed(namespace)) PrivateFiles.delete(fileOf(namespace));
  }

  /**
   * Runs {@code action} holding the store's write lock (across processes), so that a source and the
   * index built from it are written as one step.
   */
  public <T> T locked(Supplier<T> action) {
    return HomeLock.locked(home, action);
  }
}
