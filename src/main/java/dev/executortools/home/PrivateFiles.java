package dev.executortools.home;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.UUID;

/**
 * Files only their owner can read (directories 0700, files 0600 where the file system has POSIX
 * permissions; elsewhere the platform default), written so a crash never leaves a half-written file
 * in place: temp file in the same directory, write, fsync, atomic rename, fsync of the directory.
 * The temp file is created new (an entry planted at its name fails the write) and the rename
 * replaces the target entry itself, so a link planted there is replaced, never written through.
 */
public final class PrivateFiles {
  /** Suffix of temp files; readers skip them and a later write under the lock cleans them up. */
  public static final String TEMP_SUFFIX = ".tmp";

  private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  /** Writes a file's content to a buffered stream; closing that stream only flushes it. */
  @FunctionalInterface
  public interface ContentWriter {
    void writeTo(OutputStream out) throws IOException;
  }

  private PrivateFiles() {}

  /**
   * Creates {@code dir} and missing parents as 0700; directories that exist are left as they are.
   */
  public static void createDirectories(Path dir) {
    if (Files.isDirectory(dir)) return;
    try {
      if (posix(dir)) {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIR));
        Files.setPosixFilePermissions(dir, DIR); // the umask may have taken bits away
      } else {
        Files.createDirectories(dir);
      }
    } catch (FileAlreadyExistsException e) {
      throw new StoreException(dir + " exists and is not a directory");
    } catch (IOException e) {
      throw new StoreException("cannot create directory " + dir + ": " + reason(e));
    }
  }

  /**
   * Opens (creating as 0600) a file for writing without truncating it, e.g. a lock file; an entry
   * there that is not a regular file is refused ({@link HomeFiles}), a link never followed.
   */
  static FileChannel openPrivate(Path file, String kind) throws IOException {
    if (HomeFiles.exists(file)) HomeFiles.regularFile(file, kind);
    return FileChannel.open(
        file,
        Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
        attributes(file));
  }

  /**
   * Replaces {@code target} with what {@code writer} writes, atomically: readers see the old file
   * or the complete new one, never a mix, even if the process dies half way.
   *
   * @throws StoreException when writing fails; {@code target} is then unchanged
   */
  public static void writeAtomically(Path target, ContentWriter writer) {
    Path dir = target.toAbsolutePath().getParent();
    createDirectories(dir);
    Path temp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + TEMP_SUFFIX);
    try {
      try (FileChannel channel =
          FileChannel.open(
              temp,
              Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
              attributes(temp))) {
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
        writer.writeTo(new FlushOnClose(out));
        out.flush();
        channel.force(true);
      }
      if (posix(temp)) {
        Files.getFileAttributeView(temp, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
            .setPermissions(FILE);
      }
      move(temp, target);
      syncDirectory(dir);
    } catch (IOException | RuntimeException e) {
      deleteQuietly(temp);
      if (e instanceof StoreException s) throw s;
      if (e instanceof WriteRefusedException s) throw s;
      throw new StoreException("cannot write " + target + ": " + reason(e));
    }
  }

  /**
   * Deletes {@code file} and makes the deletion durable.
   *
   * @return whether it existed
   */
  public static boolean delete(Path file) {
    try {
      boolean existed = Files.deleteIfExists(file);
      if (existed) syncDirectory(file.toAbsolutePath().getParent());
      return existed;
    } catch (IOException e) {
      throw new StoreException("cannot delete " + file + ": " + reason(e));
    }
  }

  /** Deletes temp files left in {@code dir} by writers that died; call only under the home lock. */
  public static void deleteStaleTempFiles(Path dir) {
    if (!Files.isDirectory(dir)) return;
    try (var files = Files.newDirectoryStream(dir, "." + "*" + TEMP_SUFFIX)) {
      for (Path file : files) deleteQuietly(file);
    } catch (IOException e) {
      // Leftovers are harmless: readers skip them.
    }
  }

  public static boolean posix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  /** A short reason for an I/O failure: the exception kind and message (paths only, no content). */
  public static String reason(Exception e) {
    String message = e.getMessage();
    String kind = e.getClass().getSimpleName();
    return message == null ? kind : kind + " (" + message + ")";
  }

  /** Keeps the channel open when a writer closes its stream, so it can still be synced. */
  private static final class FlushOnClose extends FilterOutputStream {
    FlushOnClose(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }

  private static FileAttribute<?>[] attributes(Path file) {
    return posix(file)
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
        : new FileAttribute<?>[0];
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Makes a rename or delete in {@code dir} durable; not possible on every platform (Windows). */
  private static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // The platform cannot sync directories; the rename itself is still atomic.
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // A leftover temp file is skipped by readers and removed by a later write.
    }
  }
}
