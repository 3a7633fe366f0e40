package dev.executortools.mcp;

import dev.executortools.internal.Json;
import io.modelcontextprotocol.spec.McpSchema.ErrorCodes;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCNotification;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCRequest;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse.JSONRPCError;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.node.ObjectNode;

/**
 * One line of stdio input as a JSON-RPC 2.0 message of MCP, or the error reply the specification
 * names for it: {@code -32700} (with {@code id: null}) for what is not JSON, {@code -32600} for
 * JSON that is not a message (with the request's id when it has a usable one). MCP's own rules hold
 * too: one message a line (no batches), ids are strings or integers, never null.
 */
public final class JsonRpcMessages {
  /** A line read: the message to handle, or the error to answer instead. */
  public record Inbound(JSONRPCMessage message, ObjectNode error) {}

  /** Reads numbers as written (a fraction or exponent as a big decimal), as call arguments need. */
  private static final ObjectReader READER =
      Json.argumentsMapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private JsonRpcMessages() {}

  public static Inbound read(byte[] bytes, int length) {
    JsonNode json;
    try {
      json = length == 0 ? null : READER.readTree(bytes, 0, length);
    } catch (JacksonException e) {
      json = null;
    }
    if (json == null || json.isMissingNode()) {
      return invalid(
          error(
              null,
              ErrorCodes.PARSE_ERROR,
              "parse error: each line must be one JSON-RPC message in JSON"));
    }
    if (json.isArray()) {
      return invalid(
          error(
              null,
              ErrorCodes.INVALID_REQUEST,
              "invalid request: batches are not supported; send one message a line"));
    }
    if (!(json instanceof ObjectNode message)) {
      return invalid(
          error(
              null,
              ErrorCodes.INVALID_REQUEST,
              "invalid request: a message must be a JSON object"));
    }
    return read(message);
  }

  /** The reply to a line past the size limit, with its id when the part read shows a request's. */
  static ObjectNode tooLong(byte[] start, int length, int maxBytes) {
    return error(
        requestId(start, length),
        ErrorCodes.INVALID_REQUEST,
        "invalid request: the message is larger than " + (maxBytes >> 20) + " MiB");
  }

  private static Inbound read(ObjectNode message) {
    JsonNode method = message.get("method");
    JsonNode idNode = message.get("id");
    Object id = id(idNode);
    // an error answers a request with its id; an unusable id, or one of a response, is not echoed
    Object replyId = method != null && method.isString() ? id : null;
    if (!message.path("jsonrpc").isString()
        || !"2.0".equals(message.get("jsonrpc").stringValue())) {
      return invalid(
          error(
              replyId, ErrorCodes.INVALID_REQUEST, "invalid request: \"jsonrpc\" must be \"2.0\""));
    }
    if (idNode != null && id == null) {
      return invalid(
          error(
              null,
              ErrorCodes.INVALID_REQUEST,
              "invalid request: \"id\" must be a string or an integer"));
    }
    JsonNode params = message.get("params");
    if (method != null) {
      if (!method.isString())
        return invalid(
            error(
                null, ErrorCodes.INVALID_REQUEST, "invalid request: \"method\" must be a string"));
      if (message.has("result") || message.has("error")) {
        return invalid(
            error(
                id,
                ErrorCodes.INVALID_REQUEST,
                "invalid request: a request has no \"result\" or \"error\""));
      }
      if (params != null && !params.isObject() && !params.isNull()) {
        return invalid(
            error(
                id,
                id == null ? ErrorCodes.INVALID_REQUEST : ErrorCodes.INVALID_PARAMS,
                "invalid params: \"params\" must be an object"));
      }
      Object value = params == null || params.isNull() ? null : value(params);
      return new Inbound(
          id == null
              ? new JSONRPCNotification("2.0", method.stringValue(), value)
              : new JSONRPCRequest("2.0", method.stringValue(), id, value),
          null);
    }
    return response(message, id);
  }

  private static Inbound response(ObjectNode message, Object id) {
    JsonNode error = message.get("error");
    if (id == null || message.has("result") == (error != null)) {
      return invalid(
          error(
              null,
              ErrorCodes.INVALID_REQUEST,
              "invalid request: a message needs a \"method\", or an \"id\" with one of \"result\" and \"error\""));
    }
    if (error == null)
      return new Inbound(new JSONRPCResponse("2.0", id, value(message.get("result")), null), null);
    if (!error.path("code").isInt() || !error.path("message").isString()) {
      return invalid(
          error(
              null,
              ErrorCodes.INVALID_REQUEST,
              "invalid request: an error needs an integer \"code\" and a \"message\""));
    }
    JSONRPCError failure =
        new JSONRPCError(
            error.get("code").intValue(),
            error.get("message").stringValue(),
            error.has("data") ? value(error.get("data")) : null);
    return new Inbound(new JSONRPCResponse("2.0", id, null, failure), null);
  }

  /** A usable id (string or integer) as the SDK holds it, else null. */
  private static Object id(JsonNode id) {
    if (id == null) return null;
    if (id.isString()) return id.stringValue();
    if (id.isIntegralNumber()) return id.numberValue();
    return null;
  }

  private static Object value(JsonNode json) {
    return Json.argumentsMapper().treeToValue(json, Object.class);
  }

  /** The id of a request at the start of a message, if it comes before the cut. */
  private static Object requestId(byte[] start, int length) {
    Object id = null;
    boolean request = false;
    try (JsonParser parser = Json.MAPPER.createParser(start, 0, length)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) return null;
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (name.equals("method")) request = value == JsonToken.VALUE_STRING;
        else if (name.equals("id")
            && (value == JsonToken.VALUE_STRING || value == JsonToken.VALUE_NUMBER_INT)) {
          id = value == JsonToken.VALUE_STRING ? parser.getString() : parser.getNumberValue();
        }
        parser.skipChildren();
      }
    } catch (JacksonException e) {
      // the cut: what was read so far is all there is
    }
    return request ? id : null;
  }

  /** The error reply of JSON-RPC 2.0 ({@code id} null is written as {@code "id": null}). */
  static ObjectNode error(Object id, int code, String message) {
    ObjectNode reply = Json.object().put("jsonrpc", "2.0");
    reply.set("id", Json.MAPPER.valueToTree(id));
    reply.putObject("error").put("code", code).put("message", message);
    return reply;
  }

  private static Inbound invalid(ObjectNode error) {
    return new Inbound(null, error);
  }
}
