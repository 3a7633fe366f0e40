package dev.executortools.bind;

import dev.executortools.compile.ParamBinding;
import dev.executortools.extract.Param;
import tools.jackson.databind.JsonNode;

/**
 * A query parameter: {@code form}, {@code spaceDelimited}, {@code pipeDelimited} or {@code
 * deepObject}, RFC 3986 encoded (space as {@code %20}); {@code allowReserved} lets reserved
 * characters through.
 */
final class QueryParamBinder implements ParamBinder {
  private final String property;
  private final Param param;
  private final String style;
  private final boolean explode;
  private final PairEncoding encoding;

  QueryParamBinder(ParamBinding binding) {
    this.property = binding.property();
    this.param = binding.param();
    this.style = param.contentType() != null ? "form" : param.effectiveStyle();
    this.explode = param.effectiveExplode();
    this.encoding = param.allowReserved() ? PairEncoding.URL_RESERVED : PairEncoding.URL;
  }

  @Override
  public String property() {
    return property;
  }

  @Override
  public void bind(JsonNode value, RequestDraft draft) {
    if (Values.isAbsent(value) || Values.isEmptyContainer(value)) return;
    JsonNode content = ParamBinder.contentValue(param, value);
    draft.query(PairSerializer.serialize(style, param.name(), content, explode, encoding));
  }
}
