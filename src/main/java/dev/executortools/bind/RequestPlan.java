package dev.executortools.bind;

import dev.executortools.ErrorCode;
import dev.executortools.ToolError;
import dev.executortools.compile.HttpBinding;
import dev.executortools.compile.ParamBinding;
import dev.executortools.extract.MediaTypeSpec;
import dev.executortools.extract.RequestBodySpec;
import dev.executortools.extract.ServerSpec;
import dev.executortools.internal.HttpParsers;
import dev.executortools.internal.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How one operation's arguments become a request, compiled once from its {@link HttpBinding}: one
 * {@link ParamBinder} per parameter and one {@link BodyEncoder} per declared media type. Immutable
 * and safe to share; {@link #bind} runs per call.
 *
 * <p>Arguments are expected to be validated against the tool's input schema already: one property
 * per parameter, {@code body}, {@code contentType} and {@code server}. Arguments that still cannot
 * be sent (a missing path parameter, CR/LF in a header, an unknown content type, no base URL) give
 * an {@code invalid_arguments} error with {@code details.errors = [{"path", "message"}]}.
 */
public final class RequestPlan {
  private final String method;
  private final PathTemplate path;
  private final List<ParamBinder> binders;
  private final Map<String, String> pathProperties;
  private final List<String> undeclaredVariables;
  private final boolean bodyRequired;
  private final Map<String, BodyEncoder> encoders;
  private final List<ServerSpec> servers;

  private RequestPlan(HttpBinding binding) {
    this.method = binding.method() == null ? null : binding.method().toUpperCase(Locale.ROOT);
    this.path = PathTemplate.parse(binding.pathTemplate());
    List<ParamBinder> binders = new ArrayList<>();
    Map<String, String> pathProperties = new HashMap<>();
    for (ParamBinding param : binding.params()) {
      ParamBinder binder = ParamBinder.of(param);
      if (binder == null) continue;
      binders.add(binder);
      if (binder instanceof PathParamBinder)
        pathProperties.put(param.param().name(), param.property());
    }
    this.binders = List.copyOf(binders);
    this.pathProperties = Map.copyOf(pathProperties);
    this.undeclaredVariables =
        path.variables().stream().filter(name -> !pathProperties.containsKey(name)).toList();
    RequestBodySpec body = binding.requestBody();
    this.bodyRequired = body != null && body.required();
    this.encoders = body == null ? Map.of() : encoders(body);
    this.servers = binding.servers();
  }

  /**
   * Compiles the plan. Never throws: a binding that cannot work fails each {@link #bind} instead.
   */
  public static RequestPlan of(HttpBinding binding) {
    return new RequestPlan(
        binding != null ? binding : new HttpBinding(null, "", List.of(), null, List.of()));
  }

  private static Map<String, BodyEncoder> encoders(RequestBodySpec body) {
    Map<String, BodyEncoder> encoders = new LinkedHashMap<>();
    for (MediaTypeSpec mediaType : body.mediaTypes()) {
      if (mediaType == null || mediaType.mediaType() == null || mediaType.mediaType().isBlank()) {
        continue;
      }
      encoders.putIfAbsent(mediaType.mediaType(), BodyEncoder.forType(mediaType));
    }
    if (encoders.isEmpty()) {
      MediaTypeSpec json = new MediaTypeSpec("application/json", null, null);
      encoders.put(json.mediaType(), BodyEncoder.forType(json));
    }
    return encoders;
  }

  /**
   * Binds validated arguments. Never throws; every failure is a {@link ToolError} in the result,
   * and no request is produced then.
   */
  public BoundRequest bind(JsonNode arguments, BindContext context) {
    try {
      return bindArguments(
          arguments != null && arguments.isObject() ? arguments : Json.object(),
          context != null ? context : BindContext.defaults());
    } catch (RuntimeException e) {
      return BoundRequest.failed(
          ToolError.of(
              ErrorCode.INTERNAL_ERROR,
              "could not bind the request (" + e.getClass().getSimpleName() + ")"));
    }
  }

  private BoundRequest bindArguments(JsonNode arguments, BindContext context) {
    if (method == null) {
      return BoundRequest.failed(
          ToolError.of(ErrorCode.INTERNAL_ERROR, "the operation has no HTTP method"));
    }
    List<BindException> problems = new ArrayList<>();
    RequestDraft draft = new RequestDraft();
    for (ParamBinder binder : binders) {
      try {
        binder.bind(arguments.get(binder.property()), draft);
      } catch (BindException e) {
        problems.add(e);
      }
    }
    for (String variable : undeclaredVariables) {
      problems.add(
          new BindException(
              "", "the path template's {" + variable + "} has no declared path parameter"));
    }
    String encodedPath = "";
    EncodedBody body = null;
    String base = null;
    try {
      if (problems.isEmpty()) encodedPath = path.expand(draft, pathProperties);
    } catch (BindException e) {
      problems.add(e);
    }
    try {
      body = encodeBody(arguments);
    } catch (BindException e) {
      problems.add(e);
    }
    try {
      base = baseUrl(arguments.get("server"), context);
    } catch (BindException e) {
      problems.add(e);
    }
    if (!problems.isEmpty()) return BoundRequest.failed(invalidArguments(problems));

    String url = BaseUrl.join(base, encodedPath, draft.queryString());
    if (HttpParsers.url(url) == null) {
      return BoundRequest.failed(
          invalidArguments(List.of(new BindException("", "the bound URL is not a valid URL"))));
    }
    return BoundRequest.ok(
        new HttpRequestSpec(
            method,
            url,
            draft.headers(),
            body == null ? null : body.bytes(),
            body == null ? null : body.contentType()));
  }

  /**
   * The resolver's choice for the per-call {@code server} argument, checked. A resolver refuses an
   * argument it cannot accept (a region that is no region) with an IllegalArgumentException whose
   * message speaks to the caller.
   */
  private String baseUrl(JsonNode server, BindContext context) {
    String resolved;
    try {
      resolved =
          context
              .serverResolver()
              .baseUrl(Values.isAbsent(server) ? null : server, context.sourceBaseUrl(), servers);
    } catch (IllegalArgumentException e) {
      throw new BindException("/server", e.getMessage());
    }
    return BaseUrl.check(resolved);
  }

  private EncodedBody encodeBody(JsonNode arguments) {
    if (encoders.isEmpty()) return null;
    BodyEncoder encoder = encoder(Json.text(arguments, "contentType"));
    JsonNode body = arguments.get("body");
    if (Values.isAbsent(body)) {
      if (bodyRequired) throw new BindException("/body", "missing request body: it is required");
      return null;
    }
    return encoder.encode(body);
  }

  /** The encoder of the requested content type, else the first declared. */
  private BodyEncoder encoder(String requested) {
    if (requested == null) return encoders.values().iterator().next();
    BodyEncoder exact = encoders.get(requested);
    if (exact != null) return exact;
    for (Map.Entry<String, BodyEncoder> entry : encoders.entrySet()) {
      if (MediaTypes.essence(entry.getKey()).equals(MediaTypes.essence(requested))) {
        return entry.getValue();
      }
    }
    throw new BindException(
        "/contentType",
        "unknown content type '" + requested + "': expected one of " + encoders.keySet());
  }

  private static ToolError invalidArguments(List<BindException> problems) {
    ObjectNode details = Json.object();
    ArrayNode errors = details.putArray("errors");
    List<String> lines = new ArrayList<>();
    for (BindException problem : problems) {
      errors.addObject().put("path", problem.pointer()).put("message", problem.getMessage());
      lines.add(
          (problem.pointer().isEmpty() ? "/" : problem.pointer()) + ": " + problem.getMessage());
    }
    return ToolError.of(
            ErrorCode.INVALID_ARGUMENTS, "invalid arguments: " + String.join("; ", lines))
        .withDetails(details);
  }
}
