package dev.executortools.catalog;

import dev.executortools.internal.Json;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One spec a catalog run extracts.
 *
 * @param spec a file path or an http(s) URL
 * @param url whether {@code spec} is a URL
 * @param slug the name of its cache file ({@code <slug>.json}) and the seed of its namespace
 */
public record SpecInput(String spec, boolean url, String slug) {
  public SpecInput {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(slug, "slug");
  }

  public ObjectNode toJson() {
    return Json.object().put("spec", spec).put("url", url).put("slug", slug);
  }

  public static SpecInput fromJson(JsonNode json) {
    return new SpecInput(
        json.get("spec").stringValue(),
        json.get("url").asBoolean(),
        json.get("slug").stringValue());
  }
}
