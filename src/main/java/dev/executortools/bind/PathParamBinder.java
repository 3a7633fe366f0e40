package dev.executortools.bind;

import dev.executortools.compile.ParamBinding;
import dev.executortools.extract.Param;
import tools.jackson.databind.JsonNode;

/**
 * A path parameter: {@code simple}, {@code label} or {@code matrix}, every character but the
 * unreserved ones percent-encoded, so {@code a/b} becomes one segment {@code a%2Fb}.
 */
final class PathParamBinder implements ParamBinder {
  private final String property;
  private final Param param;
  private final String style;
  private final boolean explode;

  PathParamBinder(ParamBinding binding) {
    this.property = binding.property();
    this.param = binding.param();
    String declared = param.effectiveStyle();
    this.style = declared.equals("label") || declared.equals("matrix") ? declared : "simple";
    this.explode = param.effectiveExplode();
  }

  @Override
  public String property() {
    return property;
  }

  @Override
  public void bind(JsonNode value, RequestDraft draft) {
    if (Values.isAbsent(value)) {
      throw new BindException(
          BindException.pointerTo(property),
          "missing path parameter '" + param.name() + "': path parameters are required");
    }
    JsonNode content = ParamBinder.contentValue(param, value);
    String encoded =
        switch (style) {
          case "label" -> SegmentSerializer.label(content, explode, PercentEncoder.STRICT::encode);
          case "matrix" ->
              SegmentSerializer.matrix(
                  param.name(), content, explode, PercentEncoder.STRICT::encode);
          default -> SegmentSerializer.simple(content, explode, PercentEncoder.STRICT::encode);
        };
    draft.pathValue(param.name(), encoded);
  }
}
