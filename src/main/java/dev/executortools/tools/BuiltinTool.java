package dev.executortools.tools;

import dev.executortools.ApprovalRequest;
import dev.executortools.Tool;
import dev.executortools.internal.HttpParsers;
import dev.executortools.parse.SpecFetcher;
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

  /** The spec URL's origin and path when the spec is fetched, and every stored secret named. */
  @Override
  public ApprovalRequest approvalRequest(JsonNode arguments) {
    String spec = arguments.path("spec").asString("");
    HttpUrl url = SpecFetcher.isUrl(spec) ? HttpParsers.url(spec.strip()) : null;
    List<String> secrets = CredentialArguments.secretIds(arguments);
    if (url == null) return new ApprovalRequest(descriptor(), arguments, null, null, null, secrets);
    return new ApprovalRequest(
        descriptor(), arguments, HttpParsers.origin(url), "GET", url.encodedPath(), secrets);
  }
}
