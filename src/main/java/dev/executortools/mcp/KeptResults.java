package dev.executortools.mcp;

import dev.executortools.result.Shaped;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The full results of answers that were cut, kept for {@code read_result}: at most a number of them
 * and of bytes together, the least recently read going first, so memory stays bounded whatever a
 * session calls. Ids are random, so one cannot be guessed, and a result is read only by the session
 * it was made for.
 */
final class KeptResults {
  /**
   * A full result as JSON, and the array that answers its pages (or null), for the session that
   * made it ({@code owner}): another session's {@code read_result} does not find it.
   */
  record Kept(String id, String owner, byte[] json, Shaped.Pages pages) {}

  private static final int REMEMBERED_DROPS = 1024;

  private final int maxCount;
  private final long maxBytes;
  private final Map<String, Kept> entries = new LinkedHashMap<>(16, 0.75f, true);
  private final Set<String> dropped = new LinkedHashSet<>();
  private final SecureRandom random = new SecureRandom();
  private long bytes;

  KeptResults(int maxCount, long maxBytes) {
    this.maxCount = maxCount;
    this.maxBytes = maxBytes;
  }

  /** Whether a result of {@code size} bytes can be kept at all. */
  boolean fits(long size) {
    return size <= maxBytes;
  }

  String newId() {
    byte[] bits = new byte[8];
    random.nextBytes(bits);
    return "r-" + HexFormat.of().formatHex(bits);
  }

  /** Keeps {@code kept}, dropping the least recently used results until it fits. */
  synchronized void put(Kept kept) {
    if (!fits(kept.json().length)) return;
    Iterator<Kept> oldest = entries.values().iterator();
    while (oldest.hasNext()
        && (entries.size() >= maxCount || bytes + kept.json().length > maxBytes)) {
      Kept gone = oldest.next();
      oldest.remove();
      bytes -= gone.json().length;
      remember(gone.id());
    }
    entries.put(kept.id(), kept);
    bytes += kept.json().length;
  }

  /** The result {@code id} when {@code owner}'s session made it. */
  synchronized Optional<Kept> get(String id, String owner) {
    return Optional.ofNullable(entries.get(id)).filter(kept -> kept.owner().equals(owner));
  }

  /** Whether {@code id} was kept once and dropped to make room. */
  synchronized boolean dropped(String id) {
    return dropped.contains(id);
  }

  int maxCount() {
    return maxCount;
  }

  long maxBytes() {
    return maxBytes;
  }

  private void remember(String id) {
    dropped.add(id);
    if (dropped.size() > REMEMBERED_DROPS) {
      Iterator<String> first = dropped.iterator();
      first.next();
      first.remove();
    }
  }
}
