package dev.executortools.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * File names of the AWS CLI's SSO cache. Expected values were computed with CPython 3 exactly as
 * botocore's {@code SSOTokenFetcher} does: {@code hashlib.sha1(name.encode()).hexdigest()} for
 * tokens, {@code hashlib.sha1(json.dumps({"tool": "botocore", "startUrl", "region", "scopes",
 * "session_name"}, sort_keys=True).encode()).hexdigest()} for registrations.
 */
class CacheKeysTest {
  static final String START_URL = "https://d-9067642ac7.awsapps.com/start";

  @Test
  void tokenKeyIsTheSha1OfTheSessionNameElseOfTheStartUrl() {
    assertThat(CacheKeys.token(new SsoSession(START_URL, "eu-west-1", "my-sso", null)))
        .isEqualTo("0ad374308c5a4e22f723adf10145eafad7c4031c");
    assertThat(CacheKeys.token(SsoSession.of(START_URL, "us-east-1")))
        .isEqualTo("9e104e67bc03709422c341f8e7b917448969b3a1");
  }

  @Test
  void registrationKeyMatchesBotocoreForASession() {
    SsoSession session =
        new SsoSession(START_URL, "eu-west-1", "my-sso", List.of("sso:account:access"));
    assertThat(CacheKeys.registration(session))
        .isEqualTo("8f9bc8857a041d38eafd1cd638b6af6f03dc9391");
  }

  @Test
  void registrationKeyMatchesBotocoreWithoutSessionOrScopes() {
    assertThat(CacheKeys.registration(SsoSession.of(START_URL, "us-east-1")))
        .isEqualTo("2456b3f60812e6bc20da06988777fb3b9e4b082f");
  }

  @Test
  void registrationKeyEscapesAsPythonsJsonDumpsDoes() {
    SsoSession session =
        new SsoSession(
            "https://example.com/start?a=\"b\"",
            "eu-west-1",
            "équipe\u0007😀",
            List.of("sso:account:access", "codewhisperer:completions"));
    assertThat(CacheKeys.registration(session))
        .isEqualTo("60540c35904cae1df57b7ea32838aa368e6d8b79");
  }
}
