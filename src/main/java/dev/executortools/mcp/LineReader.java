package dev.executortools.mcp;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads newline-delimited messages (stdio's framing) as bytes, each at most {@code maxBytes}: the
 * rest of a longer line is skipped as it arrives, never held. A line ending {@code \r\n} loses its
 * {@code \r}.
 */
final class LineReader {
  /** What {@link #next()} read: a whole line, or the start of one that was too long. */
  record Line(byte[] bytes, int length, boolean tooLong) {}

  private final InputStream in;
  private final int maxBytes;
  private final byte[] buffer = new byte[64 * 1024];
  private int position;
  private int limit;

  LineReader(InputStream in, int maxBytes) {
    this.in = in;
    this.maxBytes = maxBytes;
  }

  /**
   * The next line; null at the end of input (a last line without a newline is still a line). A line
   * past the limit is returned with its first {@code maxBytes} bytes and {@code tooLong}.
   */
  Line next() throws IOException {
    byte[] line = new byte[1024];
    int length = 0;
    boolean tooLong = false;
    while (true) {
      if (position == limit && !fill()) {
        return length == 0 && !tooLong ? null : line(line, length, tooLong);
      }
      int end = position;
      while (end < limit && buffer[end] != '\n') end++;
      int take = tooLong ? 0 : Math.min(end - position, maxBytes - length);
      if (take > 0) {
        if (length + take > line.length)
          line = Arrays.copyOf(line, Math.max(length + take, Math.min(maxBytes, line.length * 2)));
        System.arraycopy(buffer, position, line, length, take);
        length += take;
      }
      if (take < end - position) tooLong = true;
      position = end;
      if (end < limit) {
        position++; // the newline
        return line(line, length, tooLong);
      }
    }
  }

  private static Line line(byte[] bytes, int length, boolean tooLong) {
    if (!tooLong && length > 0 && bytes[length - 1] == '\r') length--;
    return new Line(bytes, length, tooLong);
  }

  private boolean fill() throws IOException {
    int n = in.read(buffer);
    if (n < 0) return false;
    position = 0;
    limit = n;
    return true;
  }
}
