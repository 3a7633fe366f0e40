package dev.executortools.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.executortools.CredentialValue;
import dev.executortools.SecretProvider;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialResolverTest {
  @TempDir Path home;

  @Test
  void literalsAreSentAsGivenAndReferencesAsPrefixPlusSecret() {
    Map<String, CredentialValue> headers = new LinkedHashMap<>();
    headers.put("Authorization", new CredentialValue.SecretRef("gh", "Bearer "));
    headers.put("X-Plain", CredentialValue.SecretRef.of("gh"));
    headers.put("X-Literal", new CredentialValue.Literal("lit"));
    CredentialResolver resolver = new CredentialResolver(SecretProvider.of(Map.of("gh", "t0k")));

    assertThat(resolver.resolve(headers))
        .containsExactly(
            Map.entry("Authorization", "Bearer t0k"),
            Map.entry("X-Plain", "t0k"),
            Map.entry("X-Literal", "lit"));
  }

  @Test
  void aMissingSecretIsNamedInTheError() {
    CredentialResolver resolver = new CredentialResolver(SecretProvider.none());

    assertThatThrownBy(
            () ->
                resolver.resolve(
                    Map.of("Authorization", new CredentialValue.SecretRef("gh_token", "Bearer "))))
        .isInstanceOf(MissingSecretException.class)
        .hasMessage("secret \"gh_token\" is not set")
        .extracting(e -> ((MissingSecretException) e).secretId())
        .isEqualTo("gh_token");
  }

  @Test
  void secretsAreReadOnEveryCallSoAChangeTakesEffectAtOnce() {
    FileSecretStore secrets = new FileSecretStore(home);
    CredentialResolver resolver = new CredentialResolver(secrets);
    CredentialValue ref = CredentialValue.SecretRef.of("k");

    assertThatThrownBy(() -> resolver.resolve(ref)).isInstanceOf(MissingSecretException.class);
    secrets.set("k", "first");
    assertThat(resolver.resolve(ref)).isEqualTo("first");
    new FileSecretStore(home).set("k", "second");
    assertThat(resolver.resolve(ref)).isEqualTo("second");
  }
}
