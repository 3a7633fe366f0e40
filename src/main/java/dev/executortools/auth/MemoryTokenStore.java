package dev.executortools.auth;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/** {@link TokenStore#inMemory()}. */
final class MemoryTokenStore implements TokenStore {
  private final Map<String, Tokens> tokens = new ConcurrentHashMap<>();
  private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

  @Override
  public Optional<Tokens> read(String namespace, String scheme) {
    return Optional.ofNullable(tokens.get(TokenStore.name(namespace, scheme)));
  }

  @Override
  public void write(String namespace, String scheme, Tokens value) {
    tokens.put(TokenStore.name(namespace, scheme), value);
  }

  @Override
  public boolean delete(String namespace, String scheme) {
    return tokens.remove(TokenStore.name(namespace, scheme)) != null;
  }

  @Override
  public <T> T locked(String namespace, String scheme, Supplier<T> action) {
    ReentrantLock lock =
        locks.computeIfAbsent(TokenStore.name(namespace, scheme), k -> new ReentrantLock());
    lock.lock();
    try {
      return action.get();
    } finally {
      lock.unlock();
    }
  }
}
