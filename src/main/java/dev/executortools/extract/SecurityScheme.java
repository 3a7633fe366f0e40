package dev.executortools.extract;

import dev.executortools.internal.Json;
import dev.executortools.parse.SpecDocument;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A scheme declared under {@code components.securitySchemes} (Swagger 2.0's {@code
 * securityDefinitions} arrive here converted): what a call must carry to satisfy it.
 *
 * <p>Read from untrusted documents: fields of the wrong type count as absent, and lists are
 * bounded.
 *
 * @param type {@code apiKey}, {@code http}, {@code oauth2}, {@code openIdConnect}, {@code
 *     mutualTLS}, or whatever else the document says (null when it says nothing)
 * @param in for {@code apiKey}: {@code header}, {@code query} or {@code cookie}
 * @param parameter for {@code apiKey}: the header, query parameter or cookie name
 * @param httpScheme for {@code http}: the scheme lower-cased ({@code basic}, {@code bearer})
 * @param flows for {@code oauth2}: each declared flow by its OpenAPI name ({@code
 *     authorizationCode}, {@code clientCredentials}, {@code deviceAuthorization}, {@code implicit},
 *     {@code password})
 * @param openIdConnectUrl for {@code openIdConnect}: the discovery document's URL
 */
public record SecurityScheme(
    String name,
    String type,
    String in,
    String parameter,
    String httpScheme,
    Map<String, Flow> flows,
    String openIdConnectUrl) {

  /** Most schemes read from one document. */
  public static final int MAX_SCHEMES = 256;

  /** Most scopes kept for one flow. */
  public static final int MAX_SCOPES = 512;

  /** The flow names OpenAPI 3.0 to 3.2 define, in the order they are preferred for signing in. */
  public static final List<String> FLOW_NAMES =
      List.of(
          "authorizationCode", "deviceAuthorization", "clientCredentials", "implicit", "password");

  /**
   * One OAuth 2.0 flow.
   *
   * @param scopes the scope names the flow declares, in order
   */
  public record Flow(
      String authorizationUrl,
      String tokenUrl,
      String refreshUrl,
      String deviceAuthorizationUrl,
      List<String> scopes) {
    public Flow {
      scopes = List.copyOf(scopes);
    }
  }

  public SecurityScheme {
    flows = Collections.unmodifiableMap(new LinkedHashMap<>(flows));
  }

  /** Every scheme the document declares, by name, in document order. Never throws. */
  public static Map<String, SecurityScheme> declaredIn(SpecDocument doc) {
    Map<String, SecurityScheme> schemes = new LinkedHashMap<>();
    JsonNode declared = doc.root().path("components").get("securitySchemes");
    if (declared == null || !declared.isObject()) return schemes;
    for (var entry : declared.properties()) {
      if (schemes.size() >= MAX_SCHEMES) break;
      JsonNode raw = doc.deref(entry.getValue());
      if (raw != null && raw.isObject()) schemes.put(entry.getKey(), read(entry.getKey(), raw));
    }
    return schemes;
  }

  private static SecurityScheme read(String name, JsonNode raw) {
    String http = Json.text(raw, "scheme");
    Map<String, Flow> flows = new LinkedHashMap<>();
    JsonNode declared = raw.get("flows");
    for (String flowName : FLOW_NAMES) {
      JsonNode flow = declared == null ? null : declared.get(flowName);
      if (flow != null && flow.isObject()) flows.put(flowName, flow(flow));
    }
    return new SecurityScheme(
        name,
        Json.text(raw, "type"),
        Json.text(raw, "in"),
        Json.text(raw, "name"),
        http == null ? null : http.toLowerCase(Locale.ROOT),
        flows,
        Json.text(raw, "openIdConnectUrl"));
  }

  private static Flow flow(JsonNode flow) {
    List<String> scopes = new ArrayList<>();
    JsonNode declared = flow.get("scopes");
    if (declared != null && declared.isObject()) {
      for (String scope : declared.propertyNames()) {
        if (scopes.size() >= MAX_SCOPES) break;
        scopes.add(scope);
      }
    }
    return new Flow(
        Json.text(flow, "authorizationUrl"),
        Json.text(flow, "tokenUrl"),
        Json.text(flow, "refreshUrl"),
        Json.text(flow, "deviceAuthorizationUrl"),
        scopes);
  }
}
