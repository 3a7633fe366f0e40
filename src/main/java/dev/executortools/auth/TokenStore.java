package dev.executortools.auth;

import java.util.Optional;
import java.util.function.Supplier;

/** Where the tokens of each source's schemes are kept, and the lock that refreshes them once. */
public interface TokenStore {

  /** The tokens signing in gave, if any (unreadable ones count as none). */
  Optional<Tokens> read(String namespace, String scheme);

  void write(String namespace, String scheme, Tokens tokens);

  /** Forgets them; whether there were any. */
  boolean delete(String namespace, String scheme);

  /**
   * Runs {@code action} alone among every thread and process that uses the same tokens: reading
   * them again inside it sees what another one wrote.
   */
  <T> T locked(String namespace, String scheme, Supplier<T> action);

  /** The name tokens of a scheme are kept under ({@code oauth.<namespace>.<scheme>}). */
  static String name(String namespace, String scheme) {
    String plain = "oauth." + namespace + "." + scheme;
    if (plain.length() <= 128 && scheme.matches("[A-Za-z0-9_-]+")) return plain;
    String head = namespace.length() > 80 ? namespace.substring(0, 80) : namespace;
    return "oauth." + head + "." + Integer.toHexString((namespace + "\n" + scheme).hashCode());
  }

  /** Tokens kept in memory: for a registry without a home. */
  static TokenStore inMemory() {
    return new MemoryTokenStore();
  }
}
