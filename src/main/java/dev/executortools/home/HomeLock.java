package dev.executortools.home;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises read-modify-write of the state under a home directory: across threads of this JVM (one
 * lock per home) and across processes (a {@link FileLock} on {@code <home>/.lock}). Reentrant
 * within a thread. Readers need no lock: files are only ever replaced atomically.
 */
public final class HomeLock {
  /** The lock file, relative to the home directory. */
  public static final String FILE_NAME = ".lock";

  // One JVM-wide lock per home: FileLock only excludes other processes, and a JVM may hold just
  // one FileLock per file, so threads (and store instances) of this JVM queue here first.
  private static final ConcurrentMap<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

  private HomeLock() {}

  /** Runs {@code action} holding the lock of {@code home} (created if missing). */
  public static <T> T locked(Path home, Supplier<T> action) {
    return locked(home, FILE_NAME, action);
  }

  /**
   * Runs {@code action} holding a lock of its own under {@code home}, apart from the home's lock:
   * for work that must happen once across processes (such as refreshing one token) without holding
   * up every other write. The home's lock may be taken inside it, never the other way round.
   *
   * @param fileName the lock file's name under {@code home} ({@code .lock-...})
   */
  public static <T> T locked(Path home, String fileName, Supplier<T> action) {
    PrivateFiles.createDirectories(home);
    Path file = canonical(home).resolve(fileName);
    ReentrantLock lock = LOCKS.computeIfAbsent(file, k -> new ReentrantLock());
    lock.lock();
    try {
      if (lock.getHoldCount() > 1) return action.get();
      try (FileChannel channel = PrivateFiles.openPrivate(file, "lock");
          FileLock ignored = channel.lock()) {
        return action.get();
      } catch (IOException e) {
        throw new StoreException("cannot lock " + file + ": " + PrivateFiles.reason(e), file);
      }
    } finally {
      lock.unlock();
    }
  }

  /** Runs {@code action} holding the lock of {@code home}. */
  public static void run(Path home, Runnable action) {
    locked(
        home,
        () -> {
          action.run();
          return null;
        });
  }

  private static Path canonical(Path home) {
    try {
      return home.toRealPath();
    } catch (IOException e) {
      return home.toAbsolutePath().normalize();
    }
  }
}
