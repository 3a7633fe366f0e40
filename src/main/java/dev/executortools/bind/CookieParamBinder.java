package dev.executortools.bind;

import dev.executortools.compile.ParamBinding;
import dev.executortools.extract.Param;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A cookie parameter, {@code form} style with values percent-encoded; the plan folds all cookies
 * into one {@code Cookie: a=1; b=2} header. Exploded arrays repeat the cookie ({@code color=blue;
 * color=black}), exploded objects send one cookie per property.
 */
final class CookieParamBinder implements ParamBinder {
  private final String property;
  private final Param param;
  private final boolean explode;

  CookieParamBinder(ParamBinding binding) {
    this.property = binding.property();
    this.param = binding.param();
    this.explode = param.effectiveExplode();
  }

  @Override
  public String property() {
    return property;
  }

  @Override
  public void bind(JsonNode value, RequestDraft draft) {
    if (Values.isAbsent(value) || Values.isEmptyContainer(value)) return;
    if (hasLineBreak(value)) {
      throw new BindException(
          BindException.pointerTo(property),
          "cookie '" + param.name() + "' must not contain CR or LF");
    }
    JsonNode content = ParamBinder.contentValue(param, value);
    draft.cookies(PairSerializer.form(param.name(), content, explode, PairEncoding.URL));
  }

  private static boolean hasLineBreak(JsonNode value) {
    if (value.isString()) return Values.hasLineBreak(value.stringValue());
    if (value.isObject()) {
      for (Map.Entry<String, JsonNode> entry : value.properties()) {
        if (Values.hasLineBreak(entry.getKey()) || hasLineBreak(entry.getValue())) return true;
      }
    } else if (value.isArray()) {
      for (JsonNode element : value) {
        if (hasLineBreak(element)) return true;
      }
    }
    return false;
  }
}
