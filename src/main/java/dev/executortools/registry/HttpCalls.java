package dev.executortools.registry;

import dev.executortools.ApprovalHandler;
import dev.executortools.ApprovalRequest;
import dev.executortools.ErrorCode;
import dev.executortools.Tool;
import dev.executortools.ToolError;
import dev.executortools.ToolResult;
import dev.executortools.auth.AccessTokens;
import dev.executortools.awsapi.AwsApi;
import dev.executortools.bind.BindContext;
import dev.executortools.bind.BoundRequest;
import dev.executortools.internal.HttpParsers;
import dev.executortools.internal.Json;
import dev.executortools.invoke.HttpTransport;
import dev.executortools.policy.PolicyAction;
import dev.executortools.store.CredentialResolver;
import dev.executortools.store.MissingSecretException;
import java.util.Optional;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One call of an OpenAPI tool, once the registry found it and its policy allows it: bind the
 * arguments, keep the source's credentials on its approved origins, ask for approval, resolve the
 * credentials its operation's security asks for, sign (AWS), send, and after a 401 renew an access
 * token once and send again.
 */
final class HttpCalls {
  private final Supplier<HttpTransport> transport;
  private final CredentialResolver credentials;
  private final AccessTokens tokens;
  private final AwsCalls aws;

  HttpCalls(
      Supplier<HttpTransport> transport,
      CredentialResolver credentials,
      AccessTokens tokens,
      AwsCalls aws) {
    this.transport = transport;
    this.credentials = credentials;
    this.tokens = tokens;
    this.aws = aws;
  }

  ToolResult call(
      HttpToolEntry entry, JsonNode args, PolicyAction action, ApprovalHandler approvals) {
    SourceRuntime source = entry.source;
    Optional<AwsApi> awsApi = AwsCalls.api(entry);
    JsonNode bindArgs =
        awsApi.isPresent() ? AwsTools.withFixedParams(entry.compiled.binding(), args) : args;
    BoundRequest bound =
        entry.plan().bind(bindArgs, new BindContext(source.baseUrl(), source.serverResolver()));
    if (bound.error() != null) return ToolResult.failure(bound.error());
    boolean approved = entry.trustedOrigins().allows(bound.request().url());
    if (source.hasCredentials() && !approved) {
      String message =
          "the source's credentials are only sent to its own servers ("
              + entry.trustedOrigins().describe()
              + "); the server argument points elsewhere (the user can"
              + " list further origins in trustedOrigins when adding the source)";
      ObjectNode details = Json.object();
      details.putArray("errors").addObject().put("path", "/server").put("message", message);
      return ToolResult.failure(
          ToolError.of(ErrorCode.INVALID_ARGUMENTS, message).withDetails(details));
    }
    if (action == PolicyAction.REQUIRE_APPROVAL) {
      ToolResult refused =
          CallErrors.unapproved(approvalRequest(entry.tool(), args, bound, source), approvals);
      if (refused != null) return refused;
    }
    CallCredentials call;
    try {
      call =
          CallCredentials.resolve(source, entry.compiled.binding().security(), credentials, tokens);
    } catch (MissingSecretException e) {
      return ToolResult.failure(ErrorCode.MISSING_SECRET, e.getMessage());
    } catch (CallCredentials.SignInNeeded e) {
      return CallErrors.signInNeeded(source.id(), e.scheme, e.cause);
    }
    // a per-call server the user did not approve is the model's choice: the network policy applies
    boolean modelChosen = args.has("server") && !approved;
    if (awsApi.isPresent()) {
      return aws.call(
          awsApi.get(),
          source,
          bound.request(),
          call.credentials(),
          args.has("server"),
          approved,
          modelChosen,
          args,
          entry.compiled,
          transport.get());
    }
    ToolResult result =
        transport.get().send(bound.request(), call.credentials(), source.errorModel(), modelChosen);
    if (!call.sendsTokens() || !rejected(result)) return result;
    try {
      call = call.renewed(credentials, tokens);
    } catch (CallCredentials.SignInNeeded e) {
      return CallErrors.signInNeeded(source.id(), e.scheme, e.cause);
    }
    return transport
        .get()
        .send(bound.request(), call.credentials(), source.errorModel(), modelChosen);
  }

  /** Whether the API refused the call's credentials (HTTP 401). */
  private static boolean rejected(ToolResult result) {
    return result.error() != null
        && result.error().code() == ErrorCode.UPSTREAM_HTTP_ERROR
        && Integer.valueOf(401).equals(result.error().status());
  }

  /** The bound request's origin, method and path, and the secrets the source sends with it. */
  private static ApprovalRequest approvalRequest(
      Tool tool, JsonNode args, BoundRequest bound, SourceRuntime source) {
    HttpUrl url = HttpParsers.url(bound.request().url());
    return ApprovalRequest.of(tool, args)
        .withRequest(
            url == null ? null : HttpParsers.origin(url),
            bound.request().method(),
            url == null ? null : url.encodedPath())
        .withCredentials(source.credentialNames(), source.secretIds());
  }
}
