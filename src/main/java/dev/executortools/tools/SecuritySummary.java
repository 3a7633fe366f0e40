package dev.executortools.tools;

import dev.executortools.extract.Operation;
import dev.executortools.extract.SecurityRequirement;
import dev.executortools.internal.Json;
import dev.executortools.parse.SpecDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What {@code openapi.previewSpec} shows about sign-in: every declared security scheme, normalized
 * with what it needs, the document's default requirement, and for each operation its requirement
 * when it differs from the default. Bounded for hostile documents: never throws.
 */
final class SecuritySummary {
  /** Most schemes listed. */
  static final int MAX_SCHEMES = 256;

  /** Most scopes listed for one OAuth 2.0 flow. */
  static final int MAX_SCOPES = 512;

  /** Most scope names in a {@code needs} text. */
  private static final int NEEDS_SCOPES = 10;

  /** Most warnings about undeclared schemes. */
  private static final int MAX_UNDECLARED_WARNINGS = 20;

  private static final List<String> FLOWS =
      List.of(
          "authorizationCode", "clientCredentials", "implicit", "password", "deviceAuthorization");

  private final SpecDocument doc;
  private final SecurityRequirement fallback;
  private final Set<String> declared = new LinkedHashSet<>();
  private final Map<String, List<String>> undeclared = new LinkedHashMap<>();

  SecuritySummary(SpecDocument doc, SecurityRequirement documentDefault) {
    this.doc = doc;
    this.fallback = documentDefault == null ? SecurityRequirement.NONE : documentDefault;
    JsonNode schemes = doc.root().path("components").get("securitySchemes");
    if (schemes != null && schemes.isObject()) declared.addAll(schemes.propertyNames());
    note(fallback, "the document default");
  }

  /** Sets the operation's {@code security} field when it differs from the document default. */
  void describe(Operation operation, String toolPath, ObjectNode op) {
    SecurityRequirement own = operation.security();
    if (own == null || own.equals(fallback)) return;
    note(own, toolPath);
    op.set("security", requirement(own));
  }

  /** {@code {schemes, default}}. */
  ObjectNode summary() {
    ObjectNode out = Json.object();
    ArrayNode schemes = out.putArray("schemes");
    JsonNode declaredSchemes = doc.root().path("components").get("securitySchemes");
    if (declaredSchemes != null && declaredSchemes.isObject()) {
      for (var entry : declaredSchemes.properties()) {
        if (schemes.size() >= MAX_SCHEMES) {
          out.put("schemesOmitted", declaredSchemes.size() - MAX_SCHEMES);
          break;
        }
        schemes.add(scheme(entry.getKey(), doc.deref(entry.getValue())));
      }
    }
    out.set("default", requirement(fallback));
    return out;
  }

  /** One warning per scheme a requirement names that is not declared. */
  List<String> warnings() {
    List<String> warnings = new ArrayList<>();
    for (var entry : undeclared.entrySet()) {
      if (warnings.size() >= MAX_UNDECLARED_WARNINGS) break;
      List<String> where = entry.getValue();
      warnings.add(
          "security scheme '"
              + entry.getKey()
              + "' is required by "
              + where.get(0)
              + (where.size() > 1 ? " and others" : "")
              + " but not declared in components.securitySchemes");
    }
    return warnings;
  }

  private void note(SecurityRequirement requirement, String where) {
    for (var alternative : requirement.alternatives()) {
      for (var use : alternative) {
        if (declared.contains(use.scheme())) continue;
        List<String> places = undeclared.computeIfAbsent(use.scheme(), k -> new ArrayList<>());
        if (places.size() < 2 && !places.contains(where)) places.add(where);
      }
    }
  }

  /** A requirement as a list of alternatives, each a list of {@code {scheme, scopes}}. */
  static ArrayNode requirement(SecurityRequirement requirement) {
    ArrayNode alternatives = Json.array();
    for (var alternative : requirement.alternatives()) {
      ArrayNode all = alternatives.addArray();
      for (var use : alternative) {
        ObjectNode u = all.addObject();
        u.put("scheme", use.scheme());
        ArrayNode scopes = u.putArray("scopes");
        use.scopes().forEach(scopes::add);
      }
    }
    return alternatives;
  }

  private static ObjectNode scheme(String name, JsonNode raw) {
    ObjectNode s = Json.object();
    s.put("name", name);
    String type = Json.text(raw, "type");
    s.put("type", type);
    if (type == null) {
      s.put("needs", "unknown (the scheme declares no type)");
      return s;
    }
    switch (type) {
      case "apiKey" -> {
        String in = Json.text(raw, "in");
        String parameter = Json.text(raw, "name");
        s.put("in", in);
        s.put("parameter", parameter);
        s.put(
            "needs",
            "an API key in "
                + (in == null ? "an unstated place" : in)
                + (parameter == null ? "" : " " + parameter));
      }
      case "http" -> {
        String scheme = Json.text(raw, "scheme");
        String lower = scheme == null ? null : scheme.toLowerCase(Locale.ROOT);
        String format = Json.text(raw, "bearerFormat");
        s.put("scheme", lower);
        if (format != null) s.put("bearerFormat", format);
        s.put(
            "needs",
            lower == null
                ? "HTTP authentication (scheme not stated)"
                : switch (lower) {
                  case "basic" -> "a user name and password (HTTP Basic)";
                  case "bearer" -> "a bearer token" + (format == null ? "" : " (" + format + ")");
                  default -> "HTTP " + scheme + " credentials";
                });
      }
      case "oauth2" -> oauth2(raw, s);
      case "openIdConnect" -> {
        String url = Json.text(raw, "openIdConnectUrl");
        s.put("openIdConnectUrl", url);
        s.put("needs", "OpenID Connect" + (url == null ? "" : " (" + url + ")"));
      }
      case "mutualTLS" -> s.put("needs", "a TLS client certificate (mutual TLS)");
      default -> s.put("needs", "unknown scheme type " + type);
    }
    return s;
  }

  private static void oauth2(JsonNode raw, ObjectNode s) {
    ArrayNode flows = s.putArray("flows");
    List<String> described = new ArrayList<>();
    Set<String> scopeNames = new LinkedHashSet<>();
    JsonNode declared = raw.get("flows");
    for (String flowName : FLOWS) {
      JsonNode flow = declared == null ? null : declared.get(flowName);
      if (flow == null || !flow.isObject()) continue;
      ObjectNode f = flows.addObject();
      f.put("flow", flowName);
      for (String field :
          List.of("authorizationUrl", "deviceAuthorizationUrl", "tokenUrl", "refreshUrl")) {
        String url = Json.text(flow, field);
        if (url != null) f.put(field, url);
      }
      ArrayNode scopes = f.putArray("scopes");
      JsonNode declaredScopes = flow.get("scopes");
      if (declaredScopes != null && declaredScopes.isObject()) {
        for (var scope : declaredScopes.properties()) {
          if (scopes.size() >= MAX_SCOPES) {
            f.put("scopesOmitted", declaredScopes.size() - MAX_SCOPES);
            break;
          }
          ObjectNode sc = scopes.addObject();
          sc.put("name", scope.getKey());
          sc.put(
              "description", scope.getValue().isString() ? scope.getValue().stringValue() : null);
          if (scopeNames.size() <= NEEDS_SCOPES) scopeNames.add(scope.getKey());
        }
      }
      String url =
          switch (flowName) {
            case "authorizationCode", "implicit" -> Json.text(flow, "authorizationUrl");
            case "deviceAuthorization" -> Json.text(flow, "deviceAuthorizationUrl");
            default -> Json.text(flow, "tokenUrl");
          };
      described.add(words(flowName) + (url == null ? "" : " (" + url + ")"));
    }
    StringBuilder needs = new StringBuilder("OAuth 2.0: ");
    needs.append(described.isEmpty() ? "no supported flow declared" : String.join(", ", described));
    if (!scopeNames.isEmpty()) {
      List<String> shown = new ArrayList<>(scopeNames);
      boolean more = shown.size() > NEEDS_SCOPES;
      if (more) shown = shown.subList(0, NEEDS_SCOPES);
      needs.append("; scopes: ").append(String.join(", ", shown)).append(more ? ", …" : "");
    }
    s.put("needs", needs.toString());
  }

  private static String words(String flow) {
    return switch (flow) {
      case "authorizationCode" -> "authorization code";
      case "clientCredentials" -> "client credentials";
      case "deviceAuthorization" -> "device authorization";
      default -> flow;
    };
  }
}
