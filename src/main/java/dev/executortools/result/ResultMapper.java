package dev.executortools.result;

import dev.executortools.ErrorCode;
import dev.executortools.HttpInfo;
import dev.executortools.ToolError;
import dev.executortools.ToolResult;
import dev.executortools.internal.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Status and body of one HTTP call → {@link ToolResult}.
 *
 * <ul>
 *   <li>2xx: {@code ok} with the decoded body ({@link BodyDecoder}; JSON null for 204 and 205) and
 *       {@code http = {status, headers}};
 *   <li>2xx whose body is over the cap: {@code response_too_large}, with {@code status} and {@code
 *       details = {"limitBytes", "contentType"}}; the body was never read past the cap;
 *   <li>anything else: what the source's {@link ErrorModel} makes of it ({@code
 *       upstream_http_error}); an error body over the cap is left out ({@code details.body} null
 *       and {@code details.bodyOmitted} saying why), since the status matters more than the body.
 * </ul>
 */
public final class ResultMapper {

  private ResultMapper() {}

  public static ToolResult toResult(UpstreamResponse response, ErrorModel errorModel) {
    int status = response.status();
    if (status >= 200 && status < 300) return success(response);
    JsonNode body =
        response.bodyTooLarge()
            ? NullNode.getInstance()
            : BodyDecoder.decode(response.contentType(), response.body());
    ErrorResponse error =
        new ErrorResponse(response.method(), response.url(), status, response.headers(), body);
    ToolError mapped = modelError(errorModel, error);
    if (response.bodyTooLarge() && mapped.details() instanceof ObjectNode details) {
      details.put("bodyOmitted", "larger than " + response.bodyLimit() + " bytes");
    }
    return ToolResult.failure(mapped);
  }

  private static ToolResult success(UpstreamResponse response) {
    if (response.bodyTooLarge()) return ToolResult.failure(tooLarge(response));
    JsonNode data =
        response.status() == 204 || response.status() == 205
            ? NullNode.getInstance()
            : BodyDecoder.decode(response.contentType(), response.body());
    return ToolResult.success(data, new HttpInfo(response.status(), response.headers()));
  }

  private static ToolError tooLarge(UpstreamResponse response) {
    ObjectNode details = Json.object();
    details.put("limitBytes", response.bodyLimit());
    if (response.contentType() != null) details.put("contentType", response.contentType());
    return new ToolError(
        ErrorCode.RESPONSE_TOO_LARGE,
        "The response to "
            + response.method()
            + " "
            + response.url()
            + " is larger than the limit of "
            + response.bodyLimit()
            + " bytes",
        response.status(),
        details,
        false);
  }

  /** A model that fails does not lose the status: the generic model steps in. */
  private static ToolError modelError(ErrorModel errorModel, ErrorResponse error) {
    try {
      ToolError mapped = errorModel.toError(error);
      if (mapped != null) return mapped;
    } catch (RuntimeException e) {
      // fall through to the generic model
    }
    return ErrorModel.GENERIC.toError(error);
  }
}
