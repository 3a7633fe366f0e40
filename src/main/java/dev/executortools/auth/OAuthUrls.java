package dev.executortools.auth;

import dev.executortools.internal.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The endpoints of an OAuth 2.0 client, fixed when its source is added: from the spec's flow, the
 * user's overrides, or (for OpenID Connect) the discovery URL whose metadata names the rest at
 * sign-in. Any may be null.
 */
public record OAuthUrls(
    String authorizationUrl,
    String tokenUrl,
    String deviceAuthorizationUrl,
    String revocationUrl,
    String openIdConnectUrl) {

  /** The field names, as in the stored form and in {@code openapi.addSource}'s {@code auth}. */
  static final String[] FIELDS = {
    "authorizationUrl", "tokenUrl", "deviceAuthorizationUrl", "revocationUrl", "openIdConnectUrl"
  };

  /** Every URL set, by field name. */
  public Map<String, String> byField() {
    Map<String, String> urls = new LinkedHashMap<>();
    String[] values = {
      authorizationUrl, tokenUrl, deviceAuthorizationUrl, revocationUrl, openIdConnectUrl
    };
    for (int i = 0; i < FIELDS.length; i++) {
      if (values[i] != null) urls.put(FIELDS[i], values[i]);
    }
    return urls;
  }

  void writeTo(ObjectNode json) {
    byField().forEach(json::put);
  }

  static OAuthUrls from(JsonNode json) {
    return new OAuthUrls(
        Json.text(json, "authorizationUrl"),
        Json.text(json, "tokenUrl"),
        Json.text(json, "deviceAuthorizationUrl"),
        Json.text(json, "revocationUrl"),
        Json.text(json, "openIdConnectUrl"));
  }
}
