package dev.executortools;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What a person is asked to approve: the tool, where the call sends a request, which credentials
 * and stored secrets go with it, and the arguments. {@link #summary()} and {@link #lines()} put the
 * first of these whole before any free text, which alone may be cut.
 *
 * @param destination the origin ({@code scheme://host[:port]}) the call sends a request to, or null
 *     when it sends none (an inline spec)
 * @param method the HTTP method of that request, or null when it sends none
 * @param path the path of that request (without its query), or null when it sends none
 * @param secrets the names of the stored secrets the call uses (sends, or stores to send later), in
 *     the order given; empty for none
 * @param credentials the credentials the call sends or stores, by name and place ({@code header
 *     Authorization}, {@code query api_key (spec fetch)}), never a value; empty for none
 * @param credentialOrigins where a source the call adds will send its credentials (its base URL's
 *     or its spec servers' origins, and its trusted origins); empty when it adds none
 */
public record ApprovalRequest(
    Tool tool,
    JsonNode arguments,
    @Nullable String destination,
    @Nullable String method,
    @Nullable String path,
    List<String> secrets,
    List<String> credentials,
    List<String> credentialOrigins) {

  public ApprovalRequest {
    Objects.requireNonNull(tool, "tool");
    arguments = Objects.requireNonNull(arguments, "arguments").deepCopy();
    secrets = List.copyOf(secrets);
    credentials = List.copyOf(credentials);
    credentialOrigins = List.copyOf(credentialOrigins);
  }

  /** A call of {@code tool} that sends no request and names no credential. */
  public static ApprovalRequest of(Tool tool, JsonNode arguments) {
    return new ApprovalRequest(tool, arguments, null, null, null, List.of(), List.of(), List.of());
  }

  /** The same call, sending {@code method} to {@code destination} (an origin) and {@code path}. */
  public ApprovalRequest withRequest(
      @Nullable String destination, @Nullable String method, @Nullable String path) {
    return new ApprovalRequest(
        tool, arguments, destination, method, path, secrets, credentials, credentialOrigins);
  }

  /** The same call, with these credentials (names and places) and stored secrets (names). */
  public ApprovalRequest withCredentials(List<String> credentials, List<String> secrets) {
    return new ApprovalRequest(
        tool, arguments, destination, method, path, secrets, credentials, credentialOrigins);
  }

  /** The same call, adding a source whose credentials go to {@code origins}. */
  public ApprovalRequest withCredentialOrigins(List<String> origins) {
    return new ApprovalRequest(
        tool, arguments, destination, method, path, secrets, credentials, origins);
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
    StringBuilder line =
        new StringBuilder(tool.id())
            .append(request().equals("none") ? " (sends no request)" : ": " + request());
    if (!secrets.isEmpty()) {
      line.append(secrets.size() == 1 ? ", with the stored secret " : ", with the stored secrets ")
          .append(String.join(", ", secrets));
    }
    if (!credentialOrigins.isEmpty()) {
      line.append(", its credentials going to ").append(String.join(", ", credentialOrigins));
    }
    return line.toString();
  }

  /**
   * What decides the call, a line each, every one whole: the tool, the request, the stored secrets,
   * the credentials, where a new source's credentials go. The arguments come after these.
   */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add("Tool: " + tool.id());
    lines.add("Request: " + request());
    lines.add("Stored secrets: " + (secrets.isEmpty() ? "none" : String.join(", ", secrets)));
    lines.add("Credentials: " + (credentials.isEmpty() ? "none" : String.join(", ", credentials)));
    if (!credentialOrigins.isEmpty()) {
      lines.add("The new source's credentials go to: " + String.join(", ", credentialOrigins));
    }
    return lines;
  }

  private String request() {
    if (destination == null) return "none";
    return (method == null ? "" : method.toUpperCase(Locale.ROOT) + " ")
        + destination
        + (path == null ? "" : path);
  }
}
