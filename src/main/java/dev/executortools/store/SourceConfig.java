package dev.executortools.store;

import dev.executortools.CredentialValue;
import dev.executortools.auth.SourceAuth;
import dev.executortools.internal.Json;
import dev.executortools.internal.Namespaces;
import dev.executortools.internal.UrlUserInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a user gave when adding a source: enough to list it, call it and refresh it. Credential
 * values are kept as given (literals or secret references); {@link #toString()} and {@link
 * #toRedactedJson()} never show a literal value nor the spec text.
 *
 * @param namespace {@code [a-z0-9_]+}; the first segment of every tool id of the source
 * @param name a display name, or null
 * @param specUrl where the spec was fetched from, or null when it was given inline
 * @param specText the spec as given inline (or read from a file), or null when only a URL is kept
 * @param baseUrl overrides the spec's servers, or null
 * @param specFetchHeaders sent when fetching {@code specUrl} (refresh)
 * @param trustedOrigins further origins ({@code https://host[:port]}) the user lets the source's
 *     credentials go to, beyond its base URL and spec servers
 * @param auth how the source satisfies its spec's security schemes
 * @param awsProfile the AWS profile its calls sign with (AWS specs), or null; a name, no secret
 * @param awsSigningName the SigV4 service name its spec gives ({@code info.x-aws-signingName}), or
 *     null (not an AWS spec, or one signing for its endpoint prefix)
 */
public record SourceConfig(
    String namespace,
    String name,
    String specUrl,
    String specText,
    String baseUrl,
    Map<String, CredentialValue> headers,
    Map<String, CredentialValue> queryParams,
    Map<String, CredentialValue> specFetchHeaders,
    Map<String, CredentialValue> specFetchQueryParams,
    List<String> trustedOrigins,
    SourceAuth auth,
    String awsProfile,
    String awsSigningName) {

  public SourceConfig {
    Objects.requireNonNull(namespace, "namespace");
    if (!Namespaces.isWellFormed(namespace)) {
      throw new IllegalArgumentException(
          "namespace \""
              + namespace
              + "\" must match [a-z0-9_]+ (at most "
              + Namespaces.MAX_LENGTH
              + " characters)");
    }
    headers = copy(headers);
    queryParams = copy(queryParams);
    specFetchHeaders = copy(specFetchHeaders);
    specFetchQueryParams = copy(specFetchQueryParams);
    trustedOrigins = trustedOrigins == null ? List.of() : List.copyOf(trustedOrigins);
    auth = auth == null ? SourceAuth.NONE : auth;
    if (awsProfile != null && !AWS_PROFILE.matcher(awsProfile).matches()) {
      throw new IllegalArgumentException(
          "awsProfile must be a profile name: 1 to 128 characters, no spaces, brackets, '#' or"
              + " ';'");
    }
  }

  /** A profile name of the shared config files, as their section headers can hold it. */
  private static final java.util.regex.Pattern AWS_PROFILE =
      java.util.regex.Pattern.compile("[^\\s\\[\\]#;]{1,128}");

  /** A source without sign-in settings. */
  public SourceConfig(
      String namespace,
      String name,
      String specUrl,
      String specText,
      String baseUrl,
      Map<String, CredentialValue> headers,
      Map<String, CredentialValue> queryParams,
      Map<String, CredentialValue> specFetchHeaders,
      Map<String, CredentialValue> specFetchQueryParams,
      List<String> trustedOrigins) {
    this(
        namespace,
        name,
        specUrl,
        specText,
        baseUrl,
        headers,
        queryParams,
        specFetchHeaders,
        specFetchQueryParams,
        trustedOrigins,
        SourceAuth.NONE,
        null,
        null);
  }

  /** A source without listed trusted origins. */
  public SourceConfig(
      String namespace,
      String name,
      String specUrl,
      String specText,
      String baseUrl,
      Map<String, CredentialValue> headers,
      Map<String, CredentialValue> queryParams,
      Map<String, CredentialValue> specFetchHeaders,
      Map<String, CredentialValue> specFetchQueryParams) {
    this(
        namespace,
        name,
        specUrl,
        specText,
        baseUrl,
        headers,
        queryParams,
        specFetchHeaders,
        specFetchQueryParams,
        List.of(),
        SourceAuth.NONE,
        null,
        null);
  }

  /** A source with only a spec and no credentials. */
  public static SourceConfig of(String namespace, String specUrl, String specText) {
    return new SourceConfig(namespace, null, specUrl, specText, null, null, null, null, null)
        .requireSpec();
  }

  /**
   * This config, when it says where its spec is: a URL or inline text. A config read without its
   * spec text (kept elsewhere in the file, see {@link #withSpecText}) may have neither.
   *
   * @throws IllegalArgumentException when it has neither
   */
  public SourceConfig requireSpec() {
    if (specUrl == null && specText == null) {
      throw new IllegalArgumentException(
          "source \"" + namespace + "\" needs a spec URL or spec text");
    }
    return this;
  }

  /** The same settings with another spec text (null: none kept, e.g. while it stays on disk). */
  public SourceConfig withSpecText(String text) {
    return with(text, auth, awsProfile, awsSigningName);
  }

  /** The same settings with other sign-in settings. */
  public SourceConfig withAuth(SourceAuth auth) {
    return with(specText, auth, awsProfile, awsSigningName);
  }

  /** The same settings with another AWS profile (null: none of its own). */
  public SourceConfig withAwsProfile(String profile) {
    return with(specText, auth, profile, awsSigningName);
  }

  /** The same settings with the SigV4 service name of another spec (null: none). */
  public SourceConfig withAwsSigningName(String signingName) {
    return with(specText, auth, awsProfile, signingName);
  }

  private SourceConfig with(
      String specText, SourceAuth auth, String awsProfile, String awsSigningName) {
    return new SourceConfig(
        namespace,
        name,
        specUrl,
        specText,
        baseUrl,
        headers,
        queryParams,
        specFetchHeaders,
        specFetchQueryParams,
        trustedOrigins,
        auth,
        awsProfile,
        awsSigningName);
  }

  /** The stored form, literal credential values included. */
  public ObjectNode toJson() {
    ObjectNode json = identity(false);
    if (specText != null) json.put("specText", specText);
    if (awsSigningName != null) json.put("awsSigningName", awsSigningName);
    json.set("headers", CredentialValue.mapToJson(headers));
    json.set("queryParams", CredentialValue.mapToJson(queryParams));
    json.set("specFetchHeaders", CredentialValue.mapToJson(specFetchHeaders));
    json.set("specFetchQueryParams", CredentialValue.mapToJson(specFetchQueryParams));
    if (!auth.isEmpty()) json.set("auth", auth.toJson(false));
    return json;
  }

  /**
   * The form for listings, where the namespace is called {@code sourceId} as everywhere callers see
   * it: literal values are {@code "<redacted>"}, user info in the spec URL is hidden, and the spec
   * text is replaced by its length ({@code specTextChars}).
   */
  public ObjectNode toRedactedJson() {
    ObjectNode json = identity(true);
    if (specText != null) json.put("specTextChars", specText.length());
    json.set("headers", CredentialValue.mapToRedactedJson(headers));
    json.set("queryParams", CredentialValue.mapToRedactedJson(queryParams));
    json.set("specFetchHeaders", CredentialValue.mapToRedactedJson(specFetchHeaders));
    json.set("specFetchQueryParams", CredentialValue.mapToRedactedJson(specFetchQueryParams));
    if (!auth.isEmpty()) json.set("auth", auth.toJson(true));
    return json;
  }

  /**
   * The credentials the source sends, by place and name ({@code header Authorization}, {@code query
   * api_key (spec fetch)}), never a value.
   */
  public List<String> credentialNames() {
    List<String> names =
        new ArrayList<>(CredentialValue.names(headers.keySet(), queryParams.keySet(), ""));
    names.addAll(
        CredentialValue.names(
            specFetchHeaders.keySet(), specFetchQueryParams.keySet(), " (spec fetch)"));
    names.addAll(auth.credentialNames());
    return names;
  }

  /**
   * Reads the stored form.
   *
   * @throws IllegalArgumentException when a field is missing or malformed (never showing a value)
   */
  public static SourceConfig fromJson(JsonNode json) {
    return fromJsonWithoutSpec(json).requireSpec();
  }

  /** {@link #fromJson} of a config whose spec text is stored apart (it may have no spec yet). */
  static SourceConfig fromJsonWithoutSpec(JsonNode json) {
    if (json == null || !json.isObject())
      throw new IllegalArgumentException("config must be an object");
    if (Json.text(json, "namespace") == null)
      throw new IllegalArgumentException("config has no namespace");
    return new SourceConfig(
        Json.text(json, "namespace"),
        Json.text(json, "name"),
        Json.text(json, "specUrl"),
        Json.text(json, "specText"),
        Json.text(json, "baseUrl"),
        credentials(json, "headers"),
        credentials(json, "queryParams"),
        credentials(json, "specFetchHeaders"),
        credentials(json, "specFetchQueryParams"),
        strings(json.get("trustedOrigins"), "trustedOrigins"),
        SourceAuth.fromJson(json.get("auth")),
        Json.text(json, "awsProfile"),
        Json.text(json, "awsSigningName"));
  }

  @Override
  public String toString() {
    return "SourceConfig" + Json.write(toRedactedJson());
  }

  private ObjectNode identity(boolean redact) {
    ObjectNode json = Json.object();
    json.put(redact ? "sourceId" : "namespace", namespace);
    if (name != null) json.put("name", name);
    if (specUrl != null) json.put("specUrl", redact ? redactUrl(specUrl) : specUrl);
    if (baseUrl != null) json.put("baseUrl", redact ? redactUrl(baseUrl) : baseUrl);
    if (!trustedOrigins.isEmpty()) trustedOrigins.forEach(json.putArray("trustedOrigins")::add);
    if (awsProfile != null) json.put("awsProfile", awsProfile);
    return json;
  }

  private static Map<String, CredentialValue> credentials(JsonNode json, String field) {
    try {
      return CredentialValue.mapFromJson(json.get(field));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
    }
  }

  /**
   * The strings of a JSON array; empty when absent.
   *
   * @throws IllegalArgumentException when it is not an array of strings (named {@code field})
   */
  public static List<String> strings(JsonNode array, String field) {
    if (array == null || array.isNull()) return List.of();
    if (!array.isArray())
      throw new IllegalArgumentException(field + " must be an array of strings");
    List<String> values = new ArrayList<>();
    for (JsonNode value : array) {
      if (!value.isString())
        throw new IllegalArgumentException(field + " must be an array of strings");
      values.add(value.stringValue());
    }
    return values;
  }

  static String redactUrl(String url) {
    return UrlUserInfo.mask(url, CredentialValue.REDACTED);
  }

  private static Map<String, CredentialValue> copy(Map<String, CredentialValue> values) {
    if (values == null || values.isEmpty()) return Map.of();
    Map<String, CredentialValue> copy = new LinkedHashMap<>();
    values.forEach(
        (name, value) ->
            copy.put(Objects.requireNonNull(name), Objects.requireNonNull(value, name)));
    return Collections.unmodifiableMap(copy);
  }
}
