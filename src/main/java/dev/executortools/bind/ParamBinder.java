package dev.executortools.bind;

import dev.executortools.compile.ParamBinding;
import dev.executortools.extract.Param;
import dev.executortools.internal.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

/**
 * Puts one parameter's argument where its location and style say. One small final class per
 * location, chosen once when the plan is compiled.
 */
interface ParamBinder {

  /** The input-schema property holding the argument. */
  String property();

  /**
   * Binds the argument ({@code null} when absent) into the draft, or throws {@link BindException}.
   */
  void bind(JsonNode value, RequestDraft draft);

  /** The binder for a parameter, or null when it is not sent (ignored header, unknown location). */
  static ParamBinder of(ParamBinding binding) {
    if (binding == null || binding.param() == null || binding.property() == null) return null;
    Param param = binding.param();
    if (param.name() == null || param.location() == null) return null;
    return switch (param.location()) {
      case "path" -> new PathParamBinder(binding);
      case "query" -> new QueryParamBinder(binding);
      case "header" -> param.isIgnoredHeader() ? null : new HeaderParamBinder(binding);
      case "cookie" -> new CookieParamBinder(binding);
      default -> null;
    };
  }

  /**
   * A parameter described by {@code content} is one string: the JSON text of the value for JSON
   * media types, else a string's own text (other values as JSON text).
   */
  static JsonNode contentValue(Param param, JsonNode value) {
    if (param.contentType() == null) return value;
    String text = MediaTypes.isJson(param.contentType()) ? Json.write(value) : Values.text(value);
    return StringNode.valueOf(text);
  }
}
