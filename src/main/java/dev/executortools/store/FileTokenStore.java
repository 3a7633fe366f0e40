package dev.executortools.store;

import dev.executortools.auth.TokenStore;
import dev.executortools.auth.Tokens;
import dev.executortools.home.HomeLock;
import dev.executortools.internal.Json;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Tokens kept as secrets of the home ({@code secrets.json}, 0600), each under {@link
 * TokenStore#name}: listed by name with the other secrets, never printed. Each scheme's refresh
 * lock is a file of its own ({@code .lock-oauth...}), so refreshing one token holds up nothing
 * else.
 */
public final class FileTokenStore implements TokenStore {
  private final Path home;
  private final FileSecretStore secrets;

  public FileTokenStore(Path home) {
    this.home = home;
    this.secrets = new FileSecretStore(home);
  }

  @Override
  public Optional<Tokens> read(String namespace, String scheme) {
    Optional<String> text = secrets.secret(TokenStore.name(namespace, scheme));
    if (text.isEmpty()) return Optional.empty();
    try {
      return Optional.of(Tokens.fromJson(Json.parse(text.get())));
    } catch (RuntimeException e) {
      return Optional.empty(); // damaged: signing in again replaces it
    }
  }

  @Override
  public void write(String namespace, String scheme, Tokens tokens) {
    secrets.set(TokenStore.name(namespace, scheme), Json.write(tokens.toJson()));
  }

  @Override
  public boolean delete(String namespace, String scheme) {
    return secrets.remove(TokenStore.name(namespace, scheme));
  }

  @Override
  public <T> T locked(String namespace, String scheme, Supplier<T> action) {
    return HomeLock.locked(home, ".lock-" + TokenStore.name(namespace, scheme), action);
  }
}
