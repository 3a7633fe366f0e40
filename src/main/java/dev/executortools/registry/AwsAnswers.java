package dev.executortools.registry;

import dev.executortools.ErrorCode;
import dev.executortools.ToolError;
import dev.executortools.ToolResult;
import dev.executortools.aws.AwsJsonErrorModel;
import dev.executortools.awsapi.AwsXml;
import dev.executortools.internal.Json;
import dev.executortools.result.ErrorModel;
import dev.executortools.result.ErrorResponse;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * AWS's answers as the model reads them: JSON and XML bodies as JSON, error bodies (JSON {@code
 * __type}, XML {@code <Code>}) as {@code upstream_http_error} with {@code details.type}, and the
 * errors that say the credentials have expired.
 */
final class AwsAnswers {
  private AwsAnswers() {}

  /** Error types by which AWS says the credentials' session has expired. */
  private static final Set<String> EXPIRED = Set.of("ExpiredToken", "ExpiredTokenException");

  static boolean expired(ToolResult result) {
    ToolError error = result.error();
    if (error == null || error.code() != ErrorCode.UPSTREAM_HTTP_ERROR) return false;
    if (error.status() == null || (error.status() != 400 && error.status() != 403)) return false;
    return error.details() != null && EXPIRED.contains(error.details().path("type").asString(""));
  }

  /** Types of AWS errors worth sending again (throttling, a service briefly unavailable). */
  private static final Set<String> RETRYABLE =
      Set.of(
          "ThrottlingException",
          "Throttling",
          "RequestLimitExceeded",
          "ProvisionedThroughputExceededException",
          "TooManyRequestsException",
          "ServiceUnavailable",
          "ServiceUnavailableException",
          "InternalServerError",
          "InternalFailure",
          "SlowDown");

  private static final AwsJsonErrorModel JSON_ERRORS = new AwsJsonErrorModel(Map.of(), RETRYABLE);

  /**
   * AWS's error answers: JSON ({@code x-amzn-ErrorType}, {@code __type}) and XML ({@code <Code>},
   * {@code <Message>}), each an {@code upstream_http_error} with {@code details.type}.
   */
  static final ErrorModel ERRORS =
      response -> {
        JsonNode body = response.body();
        String text = text(body);
        if (text != null) {
          JsonNode parsed = readable(text, response.header("content-type"));
          if (parsed != null && parsed != body) {
            return JSON_ERRORS.toError(
                new ErrorResponse(
                    response.method(),
                    response.url(),
                    response.status(),
                    response.headers(),
                    flatten(parsed)));
          }
        }
        return JSON_ERRORS.toError(response);
      };

  /**
   * An XML error's {@code Error} element (under {@code ErrorResponse} in the query protocol, the
   * root itself in S3's) as the JSON fields the JSON error model reads.
   */
  private static JsonNode flatten(JsonNode parsed) {
    JsonNode error = parsed.path("Error").isObject() ? parsed.path("Error") : parsed;
    if (!error.path("Code").isString()) return parsed;
    ObjectNode fields = Json.object();
    fields.put("__type", error.path("Code").asString(""));
    fields.put("message", error.path("Message").asString(""));
    return fields;
  }

  /** A result whose AWS JSON or XML answer is JSON for the model. */
  static ToolResult readable(ToolResult result) {
    if (!result.ok() || result.data() == null || result.http() == null) return result;
    String text = text(result.data());
    if (text == null) return result;
    JsonNode parsed = readable(text, result.http().headers().get("content-type"));
    return parsed == null ? result : ToolResult.success(parsed, result.http());
  }

  /** A body as text: a string, or the {@code {"base64"}} form of a type not known as text. */
  private static String text(JsonNode data) {
    if (data.isString()) return data.asString();
    if (data.isObject() && data.path("base64").isString()) {
      try {
        return new String(
            java.util.Base64.getDecoder().decode(data.path("base64").asString()),
            java.nio.charset.StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return null;
  }

  /** AWS's JSON ({@code application/x-amz-json-1.x}) and XML answers parsed, else null. */
  private static JsonNode readable(String text, String contentType) {
    String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
    try {
      if (type.contains("json")) return Json.parse(text);
      if (type.contains("xml") || text.stripLeading().startsWith("<")) return AwsXml.toJson(text);
    } catch (RuntimeException e) {
      return null;
    }
    return null;
  }
}
