package dev.executortools.oauth;

import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationRequest;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.device.DeviceCodeGrant;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import dev.executortools.oauth.OAuthException.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The device authorization grant (RFC 8628): a user code shown, then the token endpoint polled
 * every {@code interval} (5 s unless the server says; {@code slow_down} adds 5 s) while it answers
 * {@code authorization_pending}, until tokens, {@code access_denied}, {@code expired_token} or the
 * code's lifetime has passed.
 */
final class DeviceFlow {
  static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(10);
  static final Duration SLOW_DOWN = Duration.ofSeconds(5);

  private final OAuthHttp http;
  private final Clock clock;
  private final TokenEndpoint tokens;
  private final OAuthClientConfig config;

  DeviceFlow(OAuthHttp http, Clock clock, TokenEndpoint tokens, OAuthClientConfig config) {
    this.http = http;
    this.clock = clock;
    this.tokens = tokens;
    this.config = config;
  }

  TokenSet run(LoginPrompt prompt, Sleeper sleeper) throws OAuthException {
    DeviceAuthorizationSuccessResponse device = start();
    prompt.showUserCode(
        device.getVerificationURI().toString(),
        device.getUserCode().getValue(),
        device.getVerificationURIComplete() == null
            ? null
            : device.getVerificationURIComplete().toString());
    return poll(device, sleeper);
  }

  private DeviceAuthorizationSuccessResponse start() throws OAuthException {
    Endpoint endpoint =
        Endpoint.of("device authorization endpoint", config.endpoints().deviceAuthorizationUrl());
    ClientAuthentication auth = ClientAuth.forEndpoint(config, endpoint, tokens.endpoint());
    DeviceAuthorizationRequest.Builder request =
        auth == null
            ? new DeviceAuthorizationRequest.Builder(ClientAuth.clientId(config))
            : new DeviceAuthorizationRequest.Builder(auth);
    request.endpointURI(endpoint.uri());
    if (!config.scopes().isEmpty()) {
      request.scope(new Scope(config.scopes().toArray(String[]::new)));
    }
    HTTPResponse answer = http.send(endpoint, request.build().toHTTPRequest());
    TokenAnswers.checkJsonObject(endpoint, answer);
    DeviceAuthorizationResponse parsed;
    try {
      parsed = DeviceAuthorizationResponse.parse(answer);
    } catch (ParseException e) {
      throw TokenAnswers.unreadable(endpoint, answer, "device authorization", e);
    }
    if (!parsed.indicatesSuccess()) {
      throw TokenAnswers.failure(
          endpoint, parsed.toErrorResponse().getErrorObject(), tokens.secrets());
    }
    return parsed.toSuccessResponse();
  }

  private TokenSet poll(DeviceAuthorizationSuccessResponse device, Sleeper sleeper)
      throws OAuthException {
    String deviceCode = device.getDeviceCode().getValue();
    Duration lifetime =
        device.getLifetime() > 0 ? Duration.ofSeconds(device.getLifetime()) : DEFAULT_LIFETIME;
    Instant deadline = clock.instant().plus(lifetime);
    Duration interval = Duration.ofSeconds(device.getInterval() > 0 ? device.getInterval() : 5);
    Duration waited = Duration.ZERO;
    DeviceCodeGrant grant = new DeviceCodeGrant(device.getDeviceCode());
    while (true) {
      sleep(sleeper, interval);
      waited = waited.plus(interval);
      TokenResponse answer = tokens.answer(grant, List.of(), deviceCode);
      if (answer.indicatesSuccess()) {
        return TokenAnswers.tokens(answer.toSuccessResponse(), config.scopes(), null, clock);
      }
      ErrorObject error = answer.toErrorResponse().getErrorObject();
      String code = error.getCode() == null ? "" : error.getCode();
      if (code.equals("slow_down")) {
        interval = interval.plus(SLOW_DOWN);
      } else if (code.equals("expired_token")) {
        throw expired("expired_token");
      } else if (!code.equals("authorization_pending")) {
        throw TokenAnswers.failure(tokens.endpoint(), error, tokens.secrets(deviceCode));
      }
      if (waited.compareTo(lifetime) >= 0 || !clock.instant().isBefore(deadline)) {
        throw expired(null);
      }
    }
  }

  private static void sleep(Sleeper sleeper, Duration interval) throws OAuthException {
    try {
      sleeper.sleep(interval);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OAuthException(Kind.TIMEOUT, "the device sign-in was interrupted");
    }
  }

  private OAuthException expired(@Nullable String oauthError) {
    return new OAuthException(
        Kind.TIMEOUT,
        oauthError,
        "the device code expired before the sign-in was completed at the "
            + tokens.endpoint().where());
  }
}
