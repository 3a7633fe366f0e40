package dev.executortools.auth;

import dev.executortools.CredentialValue;
import dev.executortools.extract.SecurityScheme;
import dev.executortools.internal.HttpParsers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import okhttp3.HttpUrl;
import tools.jackson.databind.JsonNode;

/**
 * Reads {@code openapi.addSource}'s {@code auth}: for each scheme the spec declares, the values
 * that satisfy it. The scheme's kind and placement come from the spec; the OAuth 2.0 endpoints from
 * its flow, unless the user gives them.
 */
public final class AuthArguments {
  /** The OAuth 2.0 flows the plugin signs in with, in the order one is chosen by default. */
  public static final List<String> FLOWS =
      List.of("authorizationCode", "deviceAuthorization", "clientCredentials");

  private static final Set<String> OAUTH_FIELDS =
      Set.of(
          "clientId",
          "clientSecret",
          "flow",
          "scopes",
          "authorizationUrl",
          "tokenUrl",
          "deviceAuthorizationUrl",
          "revocationUrl",
          "openIdConnectUrl");

  private AuthArguments() {}

  /**
   * @param declared the spec's schemes, by name
   * @param requiredScopes the scopes the spec's operations ask of a scheme (the default scopes)
   * @throws IllegalArgumentException naming the scheme and field that are wrong, never a value
   */
  public static SourceAuth read(
      JsonNode auth,
      Map<String, SecurityScheme> declared,
      Function<String, List<String>> requiredScopes) {
    if (auth == null || auth.isNull() || auth.isMissingNode()) return SourceAuth.NONE;
    if (!auth.isObject()) throw new IllegalArgumentException("auth must be an object");
    Map<String, SchemeAuth> schemes = new LinkedHashMap<>();
    for (var entry : auth.properties()) {
      String name = entry.getKey();
      SecurityScheme scheme = declared.get(name);
      if (scheme == null) {
        throw new IllegalArgumentException(
            "auth."
                + name
                + ": the spec declares no security scheme of that name"
                + (declared.isEmpty()
                    ? ""
                    : " (it declares " + String.join(", ", declared.keySet()) + ")"));
      }
      try {
        schemes.put(name, read(entry.getValue(), scheme, requiredScopes.apply(name)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("auth." + name + ": " + e.getMessage(), e);
      }
    }
    return new SourceAuth(schemes);
  }

  private static SchemeAuth read(JsonNode given, SecurityScheme scheme, List<String> scopes) {
    if (given == null || !given.isObject()) throw new IllegalArgumentException("must be an object");
    String type = scheme.type() == null ? "" : scheme.type();
    return switch (type) {
      case "apiKey" -> {
        only(given, Set.of("value"));
        if (!Set.of("header", "query", "cookie").contains(String.valueOf(scheme.in())))
          throw new IllegalArgumentException(
              "the scheme puts its key in \""
                  + scheme.in()
                  + "\"; header, query or cookie are supported");
        if (scheme.parameter() == null || scheme.parameter().isBlank())
          throw new IllegalArgumentException("the scheme names no parameter for its key");
        yield new SchemeAuth.ApiKey(scheme.in(), scheme.parameter(), value(given, "value"));
      }
      case "http" -> http(given, scheme);
      case "oauth2", "openIdConnect" -> oauth(given, scheme, scopes);
      default ->
          throw new IllegalArgumentException(
              "schemes of type \""
                  + type
                  + "\" cannot be signed in to (apiKey, http basic or bearer, oauth2 and openIdConnect can)");
    };
  }

  private static SchemeAuth http(JsonNode given, SecurityScheme scheme) {
    if ("basic".equals(scheme.httpScheme())) {
      only(given, Set.of("username", "password"));
      return new SchemeAuth.Basic(value(given, "username"), value(given, "password"));
    }
    if ("bearer".equals(scheme.httpScheme())) {
      only(given, Set.of("token"));
      return new SchemeAuth.Bearer(value(given, "token"));
    }
    throw new IllegalArgumentException(
        "HTTP scheme \"" + scheme.httpScheme() + "\" is not supported (basic and bearer are)");
  }

  private static SchemeAuth oauth(JsonNode given, SecurityScheme scheme, List<String> required) {
    only(given, OAUTH_FIELDS);
    String clientId = StoredScheme.required(given, "clientId");
    CredentialValue secret = given.hasNonNull("clientSecret") ? value(given, "clientSecret") : null;
    String flow = flow(given, scheme);
    SecurityScheme.Flow declared = scheme.flows().get(flow);
    OAuthUrls urls =
        new OAuthUrls(
            url(given, "authorizationUrl", declared == null ? null : declared.authorizationUrl()),
            url(given, "tokenUrl", declared == null ? null : declared.tokenUrl()),
            url(
                given,
                "deviceAuthorizationUrl",
                declared == null ? null : declared.deviceAuthorizationUrl()),
            url(given, "revocationUrl", null),
            url(given, "openIdConnectUrl", scheme.openIdConnectUrl()));
    requireEndpoints(flow, urls);
    List<String> scopes = given.has("scopes") ? StoredScheme.scopes(given.get("scopes")) : required;
    return new SchemeAuth.OAuth(flow, clientId, secret, scopes, urls);
  }

  private static String flow(JsonNode given, SecurityScheme scheme) {
    JsonNode value = given.get("flow");
    if (value != null && !value.isNull()) {
      if (!value.isString() || !FLOWS.contains(value.stringValue()))
        throw new IllegalArgumentException("flow must be one of " + String.join(", ", FLOWS));
      return value.stringValue();
    }
    if ("openIdConnect".equals(scheme.type())) return "authorizationCode";
    for (String flow : FLOWS) {
      if (scheme.flows().containsKey(flow)) return flow;
    }
    throw new IllegalArgumentException(
        scheme.flows().isEmpty()
            ? "the scheme declares no flow: give flow and its URLs"
            : "the scheme declares only "
                + String.join(", ", scheme.flows().keySet())
                + ", which the plugin does not use (OAuth 2.0 Security BCP); give flow and its URLs");
  }

  private static void requireEndpoints(String flow, OAuthUrls urls) {
    if (urls.openIdConnectUrl() != null) return; // the discovery document names the rest
    boolean missing =
        urls.tokenUrl() == null
            || (flow.equals("authorizationCode") && urls.authorizationUrl() == null);
    if (missing) {
      throw new IllegalArgumentException(
          "the "
              + flow
              + " flow needs "
              + (flow.equals("authorizationCode") ? "authorizationUrl and tokenUrl" : "tokenUrl")
              + ", which the spec does not declare: give them");
    }
  }

  private static String url(JsonNode given, String field, String declared) {
    String url = given.has(field) ? StoredScheme.required(given, field) : declared;
    if (url == null) return null;
    HttpUrl parsed = HttpParsers.url(url.strip());
    if (parsed == null || !parsed.username().isEmpty() || !parsed.password().isEmpty()) {
      throw new IllegalArgumentException(
          field
              + (given.has(field) ? "" : " (from the spec)")
              + " must be an absolute http or https URL without user info");
    }
    return parsed.toString();
  }

  private static CredentialValue value(JsonNode given, String field) {
    return StoredScheme.value(given, field);
  }

  private static void only(JsonNode given, Set<String> fields) {
    for (String name : given.propertyNames()) {
      if (!fields.contains(name))
        throw new IllegalArgumentException(
            "takes " + String.join(", ", fields.stream().sorted().toList()) + ", not " + name);
    }
  }
}
