package dev.executortools.registry;

import dev.executortools.ErrorCode;
import dev.executortools.SignInPrompt;
import dev.executortools.ToolError;
import dev.executortools.ToolResult;
import dev.executortools.auth.AccessTokens;
import dev.executortools.auth.OAuthUrls;
import dev.executortools.auth.SchemeAuth;
import dev.executortools.auth.SignInException;
import dev.executortools.auth.SourceAuth;
import dev.executortools.auth.Tokens;
import dev.executortools.home.StoreException;
import dev.executortools.internal.Json;
import dev.executortools.oauth.LoginPrompt;
import dev.executortools.oauth.OAuthClientConfig;
import dev.executortools.oauth.OAuthException;
import dev.executortools.oauth.Sleeper;
import dev.executortools.oauth.TokenSet;
import dev.executortools.store.MissingSecretException;
import dev.executortools.store.SourceSummary;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Signing in to a source's OAuth 2.0 schemes, saying where each stands, and signing out: what
 * {@code auth login | status | logout} and {@link dev.executortools.ToolRegistry#signIn} do.
 */
final class SignIns {
  /** How long a browser has to come back to the loopback redirect. */
  static final Duration BROWSER_TIMEOUT = Duration.ofMinutes(5);

  private final Sources sources;
  private final AccessTokens tokens;
  private final OAuthGrants grants;
  private final Clock clock;
  private final Sleeper sleeper;

  SignIns(Sources sources, AccessTokens tokens, OAuthGrants grants, Clock clock, Sleeper sleeper) {
    this.sources = sources;
    this.tokens = tokens;
    this.grants = grants;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  ToolResult signIn(String namespace, String scheme, SignInPrompt prompt) {
    Optional<SourceAuth> auth = auth(namespace);
    if (auth.isEmpty()) return unknownSource(namespace);
    Map<String, SchemeAuth.OAuth> oauth = auth.get().oauthSchemes();
    if (oauth.isEmpty()) {
      return ToolResult.failure(
          ErrorCode.INVALID_ARGUMENTS,
          "source '"
              + namespace
              + "' has no OAuth 2.0 scheme to sign in to (give one in auth when adding it)");
    }
    if (scheme == null && oauth.size() > 1) {
      return ToolResult.failure(
          ErrorCode.INVALID_ARGUMENTS,
          "source '"
              + namespace
              + "' has several OAuth 2.0 schemes: name one with --scheme ("
              + String.join(", ", oauth.keySet())
              + ")");
    }
    String name = scheme != null ? scheme : oauth.keySet().iterator().next();
    SchemeAuth.OAuth settings = oauth.get(name);
    if (settings == null) {
      return ToolResult.failure(
          ErrorCode.INVALID_ARGUMENTS,
          "source '"
              + namespace
              + "' has no OAuth 2.0 scheme '"
              + name
              + "' (it has "
              + String.join(", ", oauth.keySet())
              + ")");
    }
    try {
      Tokens signedIn = signIn(settings, prompt);
      tokens
          .store()
          .locked(
              namespace,
              name,
              () -> {
                tokens.store().write(namespace, name, signedIn);
                return null;
              });
      return ToolResult.success(
          schemeStatus(name, settings, Optional.of(signedIn)).put("sourceId", namespace));
    } catch (SignInException e) {
      return CallErrors.signInNeeded(namespace, name, e);
    } catch (MissingSecretException e) {
      return ToolResult.failure(ErrorCode.MISSING_SECRET, e.getMessage());
    } catch (StoreException e) {
      return ToolResult.failure(
          ErrorCode.STORE_FAILED, "the tokens could not be saved: " + e.getMessage());
    }
  }

  private Tokens signIn(SchemeAuth.OAuth auth, SignInPrompt prompt) {
    OAuthSession session = grants.session(auth);
    LoginPrompt login =
        new LoginPrompt() {
          @Override
          public void openAuthorizationUrl(String url) {
            prompt.openUrl(url);
          }

          @Override
          public void showUserCode(String uri, String code, String complete) {
            prompt.showCode(uri, code, complete);
          }
        };
    boolean device =
        auth.flow().equals("deviceAuthorization")
            || (auth.flow().equals("authorizationCode") && !prompt.hasBrowser());
    OAuthUrls none = new OAuthUrls(null, null, null, null, null);
    OAuthClientConfig config = session.config(none, device, false);
    if (device && config.endpoints().deviceAuthorizationUrl() == null) {
      if (auth.flow().equals("deviceAuthorization"))
        throw new SignInException(
            SignInException.Kind.FAILED,
            "the server names no device authorization endpoint (give deviceAuthorizationUrl)");
      device = false; // no device grant offered: the browser on this machine it is
    }
    try {
      TokenSet set =
          switch (auth.flow()) {
            case "clientCredentials" -> session.client.clientCredentials(config);
            default ->
                device
                    ? session.client.deviceAuthorization(config, login, sleeper)
                    : session.client.authorizationCode(config, login, BROWSER_TIMEOUT);
          };
      return session.tokens(set, config);
    } catch (OAuthException e) {
      throw OAuthSession.failure(e);
    }
  }

  /** Per source and scheme: configured, signed in, expiry, scopes; never a token. */
  ToolResult status(String namespace) {
    sources.sync();
    ArrayNode list = Json.array();
    for (SourceSummary summary : sources.summaries()) {
      String id = summary.config().namespace();
      if (namespace != null && !namespace.equals(id)) continue;
      ObjectNode source = list.addObject().put("sourceId", id);
      ArrayNode schemes = source.putArray("schemes");
      summary
          .config()
          .auth()
          .schemes()
          .forEach(
              (name, auth) -> {
                if (auth instanceof SchemeAuth.OAuth oauth) {
                  schemes.add(schemeStatus(name, oauth, readTokens(id, name)));
                } else {
                  ObjectNode s = schemes.addObject().put("scheme", name);
                  s.put("type", auth.toJson(true).path("type").asString());
                  s.put("configured", true).put("placement", auth.placement());
                }
              });
    }
    if (namespace != null && list.isEmpty()) return unknownSource(namespace);
    return ToolResult.success(Json.object().set("sources", list));
  }

  /** Revokes each scheme's tokens where the server offers revocation, and deletes them. */
  ToolResult signOut(String namespace) {
    Optional<SourceAuth> auth = auth(namespace);
    if (auth.isEmpty()) return unknownSource(namespace);
    ObjectNode data = Json.object().put("sourceId", namespace);
    ArrayNode schemes = data.putArray("schemes");
    for (var entry : auth.get().oauthSchemes().entrySet()) {
      String name = entry.getKey();
      ObjectNode s = schemes.addObject().put("scheme", name);
      Optional<Tokens> stored = readTokens(namespace, name);
      boolean revoked = false;
      if (stored.isPresent()) {
        try {
          OAuthSession session = grants.session(entry.getValue());
          OAuthClientConfig config = session.config(stored.get().endpoints(), false, true);
          if (config.endpoints().revocationUrl() != null) {
            session.client.revoke(config, OAuthSession.tokenSet(stored.get()));
            revoked = true;
          }
        } catch (OAuthException e) {
          s.put("revocationError", e.getMessage());
        } catch (SignInException | MissingSecretException e) {
          s.put("revocationError", e.getMessage());
        }
      }
      s.put("revoked", revoked);
      try {
        s.put("deleted", tokens.store().delete(namespace, name));
      } catch (StoreException e) {
        return ToolResult.failure(
            ErrorCode.STORE_FAILED, "the tokens could not be deleted: " + e.getMessage());
      }
    }
    return ToolResult.success(data);
  }

  private ObjectNode schemeStatus(String name, SchemeAuth.OAuth auth, Optional<Tokens> stored) {
    ObjectNode s = Json.object().put("scheme", name).put("type", "oauth2");
    s.put("configured", true).put("flow", auth.flow());
    s.put("signedIn", stored.isPresent());
    stored.ifPresent(
        t -> {
          if (t.expiresAt() != null) {
            s.put("expiresAt", t.expiresAt().toString());
            s.put("expired", !t.expiresAt().isAfter(clock.instant()));
          }
          s.put("refreshable", t.refreshToken() != null);
          t.scopes().forEach(s.withArray("scopes")::add);
        });
    if (stored.isEmpty()) auth.scopes().forEach(s.withArray("scopes")::add);
    return s;
  }

  private Optional<Tokens> readTokens(String namespace, String scheme) {
    try {
      return tokens.store().read(namespace, scheme);
    } catch (StoreException e) {
      return Optional.empty();
    }
  }

  private Optional<SourceAuth> auth(String namespace) {
    sources.sync();
    for (SourceSummary summary : sources.summaries()) {
      if (summary.config().namespace().equals(namespace))
        return Optional.of(summary.config().auth());
    }
    return Optional.empty();
  }

  private static ToolResult unknownSource(String namespace) {
    return ToolResult.failure(
        ToolError.of(ErrorCode.UNKNOWN_SOURCE, "no source with namespace '" + namespace + "'"));
  }
}
