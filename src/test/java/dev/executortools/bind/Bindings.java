package dev.executortools.bind;

import dev.executortools.compile.HttpBinding;
import dev.executortools.compile.ParamBinding;
import dev.executortools.extract.MediaTypeSpec;
import dev.executortools.extract.Param;
import dev.executortools.extract.RequestBodySpec;
import dev.executortools.extract.ServerSpec;
import dev.executortools.extract.ServerVariable;
import dev.executortools.internal.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Small builders for the bindings the bind tests compile. */
final class Bindings {
  static final String BASE = "https://api.test";

  private Bindings() {}

  static ParamBinding param(String location, String name) {
    return param(location, name, null, null);
  }

  static ParamBinding param(String location, String name, String style, Boolean explode) {
    return new ParamBinding(
        name,
        new Param(
            name,
            location,
            location.equals("path"),
            null,
            false,
            null,
            style,
            explode,
            false,
            null));
  }

  static ParamBinding renamed(String property, String location, String name) {
    return new ParamBinding(
        property,
        new Param(
            name, location, location.equals("path"), null, false, null, null, null, false, null));
  }

  static ParamBinding reserved(String name) {
    return new ParamBinding(
        name, new Param(name, "query", false, null, false, null, null, null, true, null));
  }

  static ParamBinding content(String location, String name, String contentType) {
    return new ParamBinding(
        name,
        new Param(
            name,
            location,
            location.equals("path"),
            null,
            false,
            null,
            null,
            null,
            false,
            contentType));
  }

  static HttpBinding get(String path, ParamBinding... params) {
    return new HttpBinding("get", path, List.of(params), null, List.of());
  }

  static HttpBinding withBody(RequestBodySpec body) {
    return new HttpBinding("post", "/things", List.of(), body, List.of());
  }

  static HttpBinding withServers(ServerSpec... servers) {
    return new HttpBinding("get", "/pets", List.of(), null, List.of(servers));
  }

  static RequestBodySpec body(boolean required, MediaTypeSpec... mediaTypes) {
    return new RequestBodySpec(required, null, List.of(mediaTypes));
  }

  static MediaTypeSpec media(String mediaType) {
    return new MediaTypeSpec(mediaType, null, null);
  }

  static MediaTypeSpec media(String mediaType, String schema, String encoding) {
    return new MediaTypeSpec(
        mediaType, schema == null ? null : json(schema), encoding == null ? null : json(encoding));
  }

  static ServerSpec server(String url, Map<String, String> defaults) {
    Map<String, ServerVariable> variables = new LinkedHashMap<>();
    defaults.forEach(
        (name, value) -> variables.put(name, new ServerVariable(value, List.of(), null)));
    return new ServerSpec(url, null, variables);
  }

  static JsonNode json(String text) {
    return Json.parse(text);
  }

  /** Binds with {@link #BASE} as the source's base URL and expects success. */
  static HttpRequestSpec bindOk(HttpBinding binding, String arguments) {
    BoundRequest bound =
        RequestPlan.of(binding).bind(json(arguments), BindContext.withBaseUrl(BASE));
    if (!bound.isOk()) throw new AssertionError("expected a request, got " + bound.error());
    return bound.request();
  }

  /** Binds with {@link #BASE} as the source's base URL and expects failure. */
  static JsonNode bindFailed(HttpBinding binding, String arguments) {
    BoundRequest bound =
        RequestPlan.of(binding).bind(json(arguments), BindContext.withBaseUrl(BASE));
    if (bound.isOk()) throw new AssertionError("expected an error, got " + bound.request());
    return bound.error().toJson();
  }
}
