package dev.executortools;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * What a person is asked to approve: the tool, the arguments, where the call sends a request and
 * which stored secrets go with it. {@link #summary()} puts those first, whole, before any free text.
 *
 * @param destination the origin ({@code scheme://host[:port]}) the call sends a request to, or null
 *     when it sends none (an inline spec)
 * @param method the HTTP method of that request, or null when it sends none
 * @param path the path of that request (without its query), or null when it sends none
 * @param secrets the names of the stored secrets the call uses (sends, or stores to send later), in
 *     the order given; empty for none
 */
public record ApprovalRequest(
    Tool tool, JsonNode arguments, String destination, String method, String path, List<String> secrets) {

  public ApprovalRequest {
    Objects.requireNonNull(tool, "tool");
    arguments = Objects.requireNonNull(arguments, "arguments").deepCopy();
    secrets = List.copyOf(secrets);
  }

  /** A copy of the arguments: changing it changes nothing in the call. */
  @Override
  public JsonNode arguments() {
    return arguments.deepCopy();
  }

  /**
   * One line for a prompt: {@code openapi.previewSpec: GET https://example.com/spec.yaml, with the
   * stored secret github_token}.
   */
  public String summary() {
    StringBuilder line = new StringBuilder(tool.id());
    if (destination != null) {
      line.append(": ");
      if (method != null) line.append(method.toUpperCase(Locale.ROOT)).append(' ');
      line.append(destination).append(path == null ? "" : path);
    } else {
      line.append(" (sends no request)");
    }
    if (!secrets.isEmpty()) {
      line.append(secrets.size() == 1 ? ", with the stored secret " : ", with the stored secrets ")
          .append(String.join(", ", secrets));
    }
    return line.toString();
  }
}
