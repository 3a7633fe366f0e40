package dev.executortools.tools;

import dev.executortools.ApprovalRequest;
import dev.executortools.Tool;
import dev.executortools.fetch.SpecFetcher;
import dev.executortools.internal.HttpParsers;
import dev.executortools.schema.ArgumentProblem;
import java.util.List;
import okhttp3.HttpUrl;
import tools.jackson.databind.JsonNode;

/**
 * A tool of the plugin's own, taking a {@code spec} (URL or text) and credential maps; its
 * descriptor is made on first use: a registry that only calls stored tools never reads a built-in
 * tool's schema.
 */
abstract class BuiltinTool implements LocalTool {
  private final String id;
  private Tool descriptor;

  BuiltinTool(String id) {
    this.id = id;
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final synchronized Tool descriptor() {
    if (descriptor == null) descriptor = describe();
    return descriptor;
  }

  /** The descriptor; its id is {@link #id()}. */
  abstract Tool describe();

  @Override
  public List<ArgumentProblem> problems(JsonNode arguments) {
    return CredentialArguments.problems(arguments);
  }

  /** The spec URL's origin and path when the spec is fetched, and every credential named. */
  @Override
  public ApprovalRequest approvalRequest(JsonNode arguments) {
    ApprovalRequest request =
        ApprovalRequest.of(descriptor(), arguments)
            .withCredentials(
                CredentialArguments.names(arguments), CredentialArguments.secretIds(arguments));
    String spec = arguments.path("spec").asString("");
    HttpUrl url = SpecFetcher.isUrl(spec) ? HttpParsers.url(spec.strip()) : null;
    return url == null
        ? request
        : request.withRequest(HttpParsers.origin(url), "GET", url.encodedPath());
  }
}
