package dev.executortools.auth;

import dev.executortools.CredentialValue;
import dev.executortools.extract.SecurityRequirement;
import dev.executortools.internal.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How a source satisfies its spec's security schemes, by scheme name. A call sends what its
 * operation's requirement asks for: {@link #choose}.
 */
public record SourceAuth(Map<String, SchemeAuth> schemes) {
  public static final SourceAuth NONE = new SourceAuth(Map.of());

  /** One scheme a call uses, with the scopes its operation names for it. */
  public record Use(String scheme, SchemeAuth auth, List<String> scopes) {}

  public SourceAuth {
    schemes = Collections.unmodifiableMap(new LinkedHashMap<>(schemes));
  }

  public boolean isEmpty() {
    return schemes.isEmpty();
  }

  /**
   * What a call of an operation with this requirement sends: every scheme of the first alternative
   * whose schemes are all configured (an empty alternative, optional authentication, is satisfied
   * by nothing); nothing when the operation needs none ({@code security: []}), states none (null),
   * or no alternative can be satisfied.
   */
  public List<Use> choose(SecurityRequirement requirement) {
    if (requirement == null || schemes.isEmpty()) return List.of();
    for (List<SecurityRequirement.SchemeUse> alternative : requirement.alternatives()) {
      if (!alternative.stream().allMatch(use -> schemes.containsKey(use.scheme()))) continue;
      List<Use> uses = new ArrayList<>();
      for (SecurityRequirement.SchemeUse use : alternative) {
        uses.add(new Use(use.scheme(), schemes.get(use.scheme()), use.scopes()));
      }
      return uses;
    }
    return List.of();
  }

  /** The credentials by place and name ({@code auth petstore_auth: header Authorization}). */
  public List<String> credentialNames() {
    List<String> names = new ArrayList<>();
    schemes.forEach((name, auth) -> names.add("auth " + name + ": " + auth.placement()));
    return names;
  }

  /** The stored secrets it names, each once. */
  public List<String> secretIds() {
    List<String> ids = new ArrayList<>();
    for (SchemeAuth auth : schemes.values()) {
      for (CredentialValue value : auth.values()) {
        if (value instanceof CredentialValue.SecretRef ref && !ids.contains(ref.secretId()))
          ids.add(ref.secretId());
      }
    }
    return ids;
  }

  /** The OAuth 2.0 schemes, by name. */
  public Map<String, SchemeAuth.OAuth> oauthSchemes() {
    Map<String, SchemeAuth.OAuth> oauth = new LinkedHashMap<>();
    schemes.forEach(
        (name, auth) -> {
          if (auth instanceof SchemeAuth.OAuth o) oauth.put(name, o);
        });
    return oauth;
  }

  public ObjectNode toJson(boolean redact) {
    ObjectNode json = Json.object();
    schemes.forEach((name, auth) -> json.set(name, auth.toJson(redact)));
    return json;
  }

  /**
   * Reads the stored form.
   *
   * @throws IllegalArgumentException naming the scheme and field that are wrong, never a value
   */
  public static SourceAuth fromJson(JsonNode json) {
    if (json == null || json.isNull() || json.isMissingNode()) return NONE;
    if (!json.isObject()) throw new IllegalArgumentException("auth must be an object");
    Map<String, SchemeAuth> schemes = new LinkedHashMap<>();
    for (var entry : json.properties()) {
      try {
        schemes.put(entry.getKey(), StoredScheme.read(entry.getValue()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("auth." + entry.getKey() + ": " + e.getMessage(), e);
      }
    }
    return new SourceAuth(schemes);
  }

  @Override
  public String toString() {
    return "SourceAuth" + Json.write(toJson(true));
  }
}
