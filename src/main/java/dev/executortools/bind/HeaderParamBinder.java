package dev.executortools.bind;

import dev.executortools.compile.ParamBinding;
import dev.executortools.extract.Param;
import tools.jackson.databind.JsonNode;

/**
 * A header parameter, {@code simple} style without percent-encoding ({@code blue,black}, {@code
 * R=100,G=200} exploded). Values with CR, LF or other control characters are refused.
 */
final class HeaderParamBinder implements ParamBinder {
  private final String property;
  private final Param param;
  private final boolean explode;

  HeaderParamBinder(ParamBinding binding) {
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
    JsonNode content = ParamBinder.contentValue(param, value);
    String text = SegmentSerializer.simple(content, explode, s -> s);
    if (Values.hasLineBreak(text)) {
      throw new BindException(
          BindException.pointerTo(property),
          "header '" + param.name() + "' must not contain CR or LF");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f) {
        throw new BindException(
            BindException.pointerTo(property),
            "header '" + param.name() + "' must not contain control characters");
      }
    }
    draft.header(param.name(), text);
  }
}
