package dev.executortools.store;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Passes bytes through until {@code limit} is passed, then refuses every further write. */
final class CappedOutputStream extends FilterOutputStream {
  private final long limit;
  private long written;

  CappedOutputStream(OutputStream out, long limit) {
    super(out);
    this.limit = limit;
  }

  @Override
  public void write(int b) throws IOException {
    count(1);
    out.write(b);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    count(len);
    out.write(b, off, len);
  }

  private void count(int more) {
    written += more;
    if (written > limit) throw new SourceTooLargeException();
  }
}
