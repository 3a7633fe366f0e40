package dev.executortools.store;

import dev.executortools.CredentialValue;
import dev.executortools.SecretProvider;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Turns credential values into the strings sent on a call, asking the {@link SecretProvider} each
 * time so a changed secret takes effect at once.
 */
public final class CredentialResolver {
  private final SecretProvider secrets;

  public CredentialResolver(SecretProvider secrets) {
    this.secrets = Objects.requireNonNull(secrets, "secrets");
  }

  /**
   * The value to send: a literal as is, a reference as {@code prefix + secret}.
   *
   * @throws MissingSecretException naming the secret when it is not set
   */
  public String resolve(CredentialValue value) {
    if (value instanceof CredentialValue.Literal literal) return literal.value();
    CredentialValue.SecretRef ref = (CredentialValue.SecretRef) value;
    String secret =
        secrets
            .secret(ref.secretId())
            .orElseThrow(() -> new MissingSecretException(ref.secretId()));
    return ref.prefix() == null ? secret : ref.prefix() + secret;
  }

  /**
   * Every value resolved, in the order given.
   *
   * @throws MissingSecretException naming the first secret that is not set
   */
  public Map<String, String> resolve(Map<String, CredentialValue> values) {
    Map<String, String> resolved = new LinkedHashMap<>();
    values.forEach((name, value) -> resolved.put(name, resolve(value)));
    return Collections.unmodifiableMap(resolved);
  }
}
