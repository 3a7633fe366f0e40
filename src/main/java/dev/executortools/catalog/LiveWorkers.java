package dev.executortools.catalog;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The worker JVMs of this process that may still run: when this JVM exits (a finished run, or
 * Ctrl-C in the middle of one), those still alive are stopped instead of being left behind
 * extracting a spec nobody waits for.
 */
final class LiveWorkers {
  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> LIVE.forEach(Process::destroyForcibly), "catalog-workers-stop"));
  }

  private LiveWorkers() {}

  static void add(Process process) {
    LIVE.removeIf(p -> !p.isAlive());
    LIVE.add(process);
  }
}
