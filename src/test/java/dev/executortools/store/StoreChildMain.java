package dev.executortools.store;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A second process on a home directory, for the crash and multi-process tests.
 *
 * <ul>
 *   <li>{@code loop HOME NS TOOLS}: writes a source of TOOLS tools again and again, printing {@code
 *       wrote N} after each write, until killed;
 *   <li>{@code sources HOME PREFIX COUNT}: after {@code HOME/go} appears, adds COUNT sources;
 *   <li>{@code secrets HOME PREFIX COUNT}: after {@code HOME/go} appears, sets COUNT secrets.
 * </ul>
 */
public final class StoreChildMain {
  private StoreChildMain() {}

  public static void main(String[] args) throws Exception {
    Path home = Path.of(args[1]);
    String name = args[2];
    int count = Integer.parseInt(args[3]);
    switch (args[0]) {
      case "loop" -> loop(home, name, count);
      case "sources" -> {
        FileSourceStore store = new FileSourceStore(home);
        System.out.println("ready");
        System.out.flush();
        ChildJvm.awaitGo(home);
        for (int i = 0; i < count; i++) store.put(StoreFixtures.source(name + "_" + i, 3));
      }
      case "secrets" -> {
        FileSecretStore secrets = new FileSecretStore(home);
        System.out.println("ready");
        System.out.flush();
        ChildJvm.awaitGo(home);
        for (int i = 0; i < count; i++) secrets.set(name + "_" + i, "value-" + name + "-" + i);
      }
      default -> throw new IllegalArgumentException(args[0]);
    }
    System.out.println("done");
  }

  private static void loop(Path home, String namespace, int toolCount) {
    FileSourceStore store = new FileSourceStore(home);
    StoredSource source = StoreFixtures.source(namespace, toolCount);
    for (long round = 1; ; round++) {
      store.put(source.refreshed(source.config(), source.tools(), Instant.ofEpochSecond(round)));
      System.out.println("wrote " + round);
      System.out.flush();
    }
  }
}
