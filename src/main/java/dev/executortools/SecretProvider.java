package dev.executortools;

import java.util.Map;
import java.util.Optional;

/**
 * Where secret values come from when a call needs them. Implementations are asked on every call (a
 * changed secret takes effect at once) and must never put a value in a message or a log.
 */
@FunctionalInterface
public interface SecretProvider {

  /** The value of the secret named {@code id}, or empty when no such secret is set. */
  Optional<String> secret(String id);

  /** A provider that knows no secret. */
  static SecretProvider none() {
    return id -> Optional.empty();
  }

  /** A provider backed by a fixed map (copied), e.g. for tests or a host that holds its own. */
  static SecretProvider of(Map<String, String> secrets) {
    Map<String, String> copy = Map.copyOf(secrets);
    return id -> Optional.ofNullable(copy.get(id));
  }
}
