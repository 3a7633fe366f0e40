package dev.executortools.auth;

import dev.executortools.CredentialValue;
import dev.executortools.internal.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * How a source satisfies one of its spec's security schemes: the scheme's kind and placement, fixed
 * when the source was added, and the values the user gave (literals or secret references, resolved
 * on every call). {@link #toString()} never shows a literal value.
 */
public sealed interface SchemeAuth {

  /** The stored form ({@code redact}: literal values shown as {@code "<redacted>"}). */
  ObjectNode toJson(boolean redact);

  /** The values it sends, to name the secrets a call uses. */
  List<CredentialValue> values();

  /** Where it goes, in words: {@code cookie session}, {@code header Authorization (OAuth 2.0)}. */
  String placement();

  /**
   * An API key sent as the scheme says.
   *
   * @param in {@code header}, {@code query} or {@code cookie}
   * @param name the header, parameter or cookie name
   */
  record ApiKey(String in, String name, CredentialValue value) implements SchemeAuth {
    public ApiKey {
      Objects.requireNonNull(in, "in");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }

    @Override
    public ObjectNode toJson(boolean redact) {
      ObjectNode json = Json.object().put("type", "apiKey").put("in", in).put("name", name);
      json.set("value", redact ? value.toRedactedJson() : value.toJson());
      return json;
    }

    @Override
    public List<CredentialValue> values() {
      return List.of(value);
    }

    @Override
    public String placement() {
      return in + " " + name;
    }
  }

  /** A token sent as {@code Authorization: Bearer <token>}. */
  record Bearer(CredentialValue token) implements SchemeAuth {
    public Bearer {
      Objects.requireNonNull(token, "token");
    }

    @Override
    public ObjectNode toJson(boolean redact) {
      ObjectNode json = Json.object().put("type", "bearer");
      json.set("token", redact ? token.toRedactedJson() : token.toJson());
      return json;
    }

    @Override
    public List<CredentialValue> values() {
      return List.of(token);
    }

    @Override
    public String placement() {
      return "header Authorization (Bearer)";
    }
  }

  /** A user name and password sent as {@code Authorization: Basic ...} (RFC 7617). */
  record Basic(CredentialValue username, CredentialValue password) implements SchemeAuth {
    public Basic {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
    }

    @Override
    public ObjectNode toJson(boolean redact) {
      ObjectNode json = Json.object().put("type", "basic");
      json.set("username", redact ? username.toRedactedJson() : username.toJson());
      json.set("password", redact ? password.toRedactedJson() : password.toJson());
      return json;
    }

    @Override
    public List<CredentialValue> values() {
      return List.of(username, password);
    }

    @Override
    public String placement() {
      return "header Authorization (Basic)";
    }
  }

  /**
   * An OAuth 2.0 (or OpenID Connect) client: the access token it signs in for is sent as {@code
   * Authorization: Bearer <token>}.
   *
   * @param flow {@code authorizationCode}, {@code deviceAuthorization} or {@code clientCredentials}
   * @param clientSecret null for a public client
   */
  record OAuth(
      String flow,
      String clientId,
      CredentialValue clientSecret,
      List<String> scopes,
      OAuthUrls urls)
      implements SchemeAuth {
    public OAuth {
      Objects.requireNonNull(flow, "flow");
      Objects.requireNonNull(clientId, "clientId");
      Objects.requireNonNull(urls, "urls");
      scopes = List.copyOf(scopes);
    }

    @Override
    public ObjectNode toJson(boolean redact) {
      ObjectNode json = Json.object().put("type", "oauth2").put("flow", flow);
      json.put("clientId", clientId);
      if (clientSecret != null)
        json.set("clientSecret", redact ? clientSecret.toRedactedJson() : clientSecret.toJson());
      scopes.forEach(json.putArray("scopes")::add);
      urls.writeTo(json);
      return json;
    }

    @Override
    public List<CredentialValue> values() {
      List<CredentialValue> values = new ArrayList<>();
      if (clientSecret != null) values.add(clientSecret);
      return values;
    }

    @Override
    public String placement() {
      return "header Authorization (OAuth 2.0)";
    }

    @Override
    public String toString() {
      return "OAuth[" + toJson(true) + "]";
    }
  }
}
