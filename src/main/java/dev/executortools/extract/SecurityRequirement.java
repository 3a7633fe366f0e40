package dev.executortools.extract;

import dev.executortools.internal.Json;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A parsed OpenAPI security requirement: a list of alternatives, any one of which satisfies it,
 * each naming the schemes that are all needed together, with their scopes. No alternatives means no
 * authentication is required ({@code security: []}); an empty alternative ({@code {}}) means
 * authentication is optional.
 *
 * <p>Read from untrusted documents: entries that are not objects, scopes that are not strings and
 * anything past the bounds below are skipped; parsing never throws.
 */
public record SecurityRequirement(List<List<SchemeUse>> alternatives) {
  /** Most alternatives kept from one requirement. */
  public static final int MAX_ALTERNATIVES = 64;

  /** Most schemes kept from one alternative. */
  public static final int MAX_SCHEMES = 16;

  /** Most scopes kept for one scheme in one alternative. */
  public static final int MAX_SCOPES = 256;

  /** No authentication required. */
  public static final SecurityRequirement NONE = new SecurityRequirement(List.of());

  /**
   * One scheme needed by an alternative.
   *
   * @param scheme the name under {@code components.securitySchemes} it refers to
   * @param scopes the OAuth 2.0 / OpenID Connect scopes (or roles) it needs, in order
   */
  public record SchemeUse(String scheme, List<String> scopes) {
    public SchemeUse {
      scopes = List.copyOf(scopes);
    }
  }

  public SecurityRequirement {
    alternatives = alternatives.stream().map(List::copyOf).toList();
  }

  /** The OpenAPI form, {@code [{"scheme": ["scope", ...]}, ...]}, which {@link #parse} reads. */
  public ArrayNode toJson() {
    ArrayNode json = Json.array();
    for (List<SchemeUse> alternative : alternatives) {
      ObjectNode all = json.addObject();
      for (SchemeUse use : alternative) use.scopes().forEach(all.putArray(use.scheme())::add);
    }
    return json;
  }

  /** Whether calling needs no credentials at all. */
  public boolean isNone() {
    return alternatives.isEmpty();
  }

  /**
   * The requirement a {@code security} field declares, or null when the field is absent or is not
   * an array (which the operation then inherits from the document).
   */
  public static SecurityRequirement parse(JsonNode security) {
    if (security == null || !security.isArray()) return null;
    List<List<SchemeUse>> alternatives = new ArrayList<>();
    for (JsonNode entry : security) {
      if (alternatives.size() >= MAX_ALTERNATIVES) break;
      if (entry == null || !entry.isObject()) continue;
      List<SchemeUse> all = new ArrayList<>();
      for (var scheme : entry.properties()) {
        if (all.size() >= MAX_SCHEMES) break;
        List<String> scopes = new ArrayList<>();
        JsonNode list = scheme.getValue();
        if (list != null && list.isArray()) {
          for (JsonNode scope : list) {
            if (scopes.size() >= MAX_SCOPES) break;
            if (scope != null && scope.isString()) scopes.add(scope.stringValue());
          }
        }
        all.add(new SchemeUse(scheme.getKey(), scopes));
      }
      alternatives.add(all);
    }
    return new SecurityRequirement(alternatives);
  }
}
