package dev.executortools.home;

import dev.executortools.internal.Limits;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * The one way the plugin opens a file of its home directory for reading: only a regular file, the
 * entry itself and never what a symbolic link names, within a size bound. A FIFO would block the
 * open until someone writes to it, a device ({@code /dev/zero}) may never end, and a link may lead
 * out of the home: each is refused with a {@link StoreException} naming the file (never its
 * content), before anything opens it. The home directory itself may be a link (the user names it);
 * what is inside it may not.
 */
public final class HomeFiles {
  private static final int OPEN_ATTEMPTS = 5;

  private HomeFiles() {}

  /**
   * The attributes of {@code file} itself (a link is not followed).
   *
   * @param kind what the file holds, for messages ({@code "secrets"})
   * @throws java.nio.file.NoSuchFileException when there is no such entry
   * @throws StoreException when it is anything but a regular file
   */
  public static BasicFileAttributes regularFile(Path file, String kind) throws IOException {
    BasicFileAttributes attributes =
        Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (!attributes.isRegularFile()) throw notRegular(file, kind, attributes);
    return attributes;
  }

  /**
   * Opens {@code file} for reading after {@link #regularFile} allowed it; the open does not follow
   * a link either. When the entry changed between the check and the open (another process replaced
   * the file atomically), both are done again, so what was opened is what was checked.
   *
   * @throws java.nio.file.NoSuchFileException when there is no such entry
   * @throws StoreException when it is anything but a regular file, or keeps changing
   */
  public static FileChannel open(Path file, String kind) throws IOException {
    for (int attempt = 0; attempt < OPEN_ATTEMPTS; attempt++) {
      BasicFileAttributes before = regularFile(file, kind);
      FileChannel channel =
          FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
      try {
        if (Objects.equals(before.fileKey(), regularFile(file, kind).fileKey())) return channel;
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
      channel.close();
    }
    throw new StoreException(
        kind + " file " + file + " kept changing while it was opened; try again", file);
  }

  /**
   * A buffered stream of {@code file} ({@link #open}), refused when it is larger than {@code
   * maxBytes} and ending with a {@link StoreException} should it grow past them while it is read.
   */
  public static InputStream newInputStream(Path file, String kind, long maxBytes)
      throws IOException {
    FileChannel channel = open(file, kind);
    if (channel.size() > maxBytes) {
      channel.close();
      throw new StoreException(
          kind
              + " file "
              + file
              + " is larger than "
              + Limits.bytes(maxBytes)
              + ", so it was not read. It was left in place; fix or remove it.",
          file);
    }
    return buffered(Channels.newInputStream(channel), file, kind, maxBytes);
  }

  /**
   * A buffered stream of a channel {@link #open} gave, from its current position, ending with a
   * {@link StoreException} should it go past {@code maxBytes}. Closing the stream leaves the
   * channel open, for reads at other positions; its opener closes it.
   */
  public static InputStream newInputStream(
      FileChannel channel, Path file, String kind, long maxBytes) {
    InputStream in =
        new FilterInputStream(Channels.newInputStream(channel)) {
          @Override
          public void close() {
            // the channel is its opener's to close
          }
        };
    return buffered(in, file, kind, maxBytes);
  }

  private static InputStream buffered(InputStream in, Path file, String kind, long maxBytes) {
    return new BufferedInputStream(new Capped(in, file, kind, maxBytes), 1 << 16);
  }

  /**
   * Whether there is an entry at {@code file}, of whatever type (a dangling link counts): what a
   * write would replace.
   */
  public static boolean exists(Path file) {
    return Files.exists(file, LinkOption.NOFOLLOW_LINKS);
  }

  /**
   * Refuses a directory of the home that is a link or not a directory ({@code sources}); a missing
   * one is fine.
   */
  public static void requireDirectory(Path dir) {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      return; // missing (or unreadable: listing it reports that)
    }
    if (!attributes.isDirectory()) {
      throw new StoreException(
          dir
              + " is "
              + what(attributes)
              + ", not a directory, so it is not"
              + " used. It was left in place; remove it.",
          dir);
    }
  }

  private static StoreException grown(Path file, String kind) {
    return new StoreException(
        kind
            + " file "
            + file
            + " grew past its size limit while it was read."
            + " It was left in place; fix or remove it.",
        file);
  }

  private static StoreException notRegular(Path file, String kind, BasicFileAttributes attributes) {
    return new StoreException(
        kind
            + " file "
            + file
            + " is "
            + what(attributes)
            + ", not a regular"
            + " file, so it was not read. It was left in place; remove it.",
        file);
  }

  private static String what(BasicFileAttributes attributes) {
    if (attributes.isSymbolicLink()) return "a symbolic link (never followed)";
    if (attributes.isDirectory()) return "a directory";
    if (attributes.isRegularFile()) return "a regular file";
    return "a FIFO, device or socket";
  }

  /** Stops a read at {@code max} bytes. */
  private static final class Capped extends FilterInputStream {
    private final Path file;
    private final String kind;
    private long left;

    Capped(InputStream in, Path file, String kind, long max) {
      super(in);
      this.file = file;
      this.kind = kind;
      this.left = max;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, (int) Math.min(len, left + 1));
      if (n > 0 && (left -= n) < 0) throw grown(file, kind);
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = in.skip(Math.min(n, left + 1));
      if ((left -= skipped) < 0) throw grown(file, kind);
      return skipped;
    }
  }
}
