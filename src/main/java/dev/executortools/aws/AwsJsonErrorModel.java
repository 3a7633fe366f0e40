package dev.executortools.aws;

import dev.executortools.ErrorCode;
import dev.executortools.ToolError;
import dev.executortools.internal.Json;
import dev.executortools.result.ErrorModel;
import dev.executortools.result.ErrorResponse;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Errors of an AWS REST-JSON service → {@code upstream_http_error} with {@code details = {"type":
 * <exception shape>, ...the body's fields}}.
 *
 * <p>The type comes, as in the AWS SDKs, from the {@code x-amzn-ErrorType} header, else the body's
 * {@code __type}, else its {@code code}; each is cut before the first {@code :} and after the first
 * {@code #} ({@code AuthorizationPendingException:http://internal.amazon.com/...} → {@code
 * AuthorizationPendingException}). Failing those, a service whose bodies carry an OAuth {@code
 * error} code (SSO-OIDC: {@code authorization_pending}) maps it with {@code typeByErrorCode}.
 * {@code retryable} is true for {@code retryableTypes}; when no type is found at all (a proxy's 502
 * page, say) the reply is left to {@link ErrorModel#GENERIC}.
 */
public final class AwsJsonErrorModel implements ErrorModel {
  private static final int MAX_DESCRIPTION = 300;

  private final Map<String, String> typeByErrorCode;
  private final Set<String> retryableTypes;

  public AwsJsonErrorModel(Map<String, String> typeByErrorCode, Set<String> retryableTypes) {
    this.typeByErrorCode = Map.copyOf(typeByErrorCode);
    this.retryableTypes = Set.copyOf(retryableTypes);
  }

  @Override
  public ToolError toError(ErrorResponse response) {
    String type = errorType(response);
    if (type == null) return GENERIC.toError(response);
    ObjectNode details = Json.object();
    details.put("type", type);
    if (response.body().isObject()) {
      response.body().properties().forEach(field -> details.set(field.getKey(), field.getValue()));
    } else if (!response.body().isNull()) {
      details.set("body", response.body());
    }
    String description = describe(response.body());
    return new ToolError(
        ErrorCode.UPSTREAM_HTTP_ERROR,
        type + " (" + response.describe() + ")" + (description == null ? "" : ": " + description),
        response.status(),
        details,
        retryableTypes.contains(type));
  }

  /** The exception shape named by the reply, or null when it names none. */
  String errorType(ErrorResponse response) {
    String fromHeader = sanitize(response.header("x-amzn-errortype"));
    if (fromHeader != null) return fromHeader;
    JsonNode body = response.body();
    String fromBody = sanitize(firstNonNull(Json.text(body, "__type"), Json.text(body, "code")));
    if (fromBody != null) return fromBody;
    String oauthCode = Json.text(body, "error");
    return oauthCode == null ? null : typeByErrorCode.get(oauthCode);
  }

  /** {@code ns#Name:uri} → {@code Name}; blank → null. */
  static String sanitize(String raw) {
    if (raw == null) return null;
    String type = raw.strip();
    int colon = type.indexOf(':');
    if (colon >= 0) type = type.substring(0, colon);
    int hash = type.indexOf('#');
    if (hash >= 0) type = type.substring(hash + 1);
    return type.isBlank() ? null : type.strip();
  }

  private static String describe(JsonNode body) {
    String text =
        firstNonNull(
            Json.text(body, "error_description"),
            Json.text(body, "message"),
            Json.text(body, "Message"));
    if (text == null || text.isBlank()) return null;
    String stripped = text.strip();
    if (stripped.length() <= MAX_DESCRIPTION) return stripped;
    return stripped.substring(0, MAX_DESCRIPTION) + "…";
  }

  private static String firstNonNull(String... values) {
    for (String value : values) {
      if (value != null) return value;
    }
    return null;
  }
}
