package dev.executortools.store;

import dev.executortools.SourceInfo;
import java.time.Instant;
import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stored source without its tools: what {@code sources list} shows. Reading it from a file stops
 * before the tools, so listing sources costs the same for 10 tools and for 22,000.
 *
 * @param config the source's settings; its {@code specText} may be left out (null) when summarised
 * @param specTextChars the length of the inline spec text, or -1 when there is none
 */
public record SourceSummary(
    SourceConfig config, Instant addedAt, Instant refreshedAt, int toolCount, long specTextChars) {

  public SourceSummary {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(addedAt, "addedAt");
    Objects.requireNonNull(refreshedAt, "refreshedAt");
  }

  public String namespace() {
    return config.namespace();
  }

  /**
   * The form for listings: the redacted config (see {@link SourceConfig#toRedactedJson()}), the
   * tool count and the times.
   */
  public ObjectNode toRedactedJson() {
    ObjectNode json = config.toRedactedJson();
    if (specTextChars >= 0) json.put("specTextChars", specTextChars);
    json.put("toolCount", toolCount);
    json.put("addedAt", addedAt.toString());
    json.put("refreshedAt", refreshedAt.toString());
    return json;
  }

  /** The public form: names and redacted values only. */
  public SourceInfo info() {
    return new SourceInfo(
        namespace(),
        config.name(),
        toolCount,
        addedAt,
        refreshedAt,
        config.trustedOrigins(),
        config.credentialNames(),
        toRedactedJson());
  }
}
