package dev.executortools;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * An added source as {@link ToolRegistry#sources()} shows it, without its tools. It carries no
 * credential value: credentials by place and name only, and the listing form with every value
 * redacted.
 *
 * @param namespace the source's id, the first segment of each of its tool ids
 * @param name its display name
 * @param toolCount how many tools it has (blocked ones included)
 * @param trustedOrigins further origins the user let its credentials go to
 * @param credentials the credentials it sends, by place and name ({@code header Authorization},
 *     {@code query api_key}, {@code header X-Token (spec fetch)}), never a value
 * @param redacted what {@code sources list} prints of it: {@code sourceId}, {@code specUrl} and
 *     {@code baseUrl} with user info and secret-looking query values masked, each credential as
 *     {@code "<redacted>"} or the name of its stored secret, {@code toolCount} and the times
 */
public record SourceInfo(
    String namespace,
    String name,
    int toolCount,
    Instant addedAt,
    Instant refreshedAt,
    List<String> trustedOrigins,
    List<String> credentials,
    ObjectNode redacted) {

  public SourceInfo {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(addedAt, "addedAt");
    Objects.requireNonNull(refreshedAt, "refreshedAt");
    trustedOrigins = List.copyOf(trustedOrigins);
    credentials = List.copyOf(credentials);
    redacted = Objects.requireNonNull(redacted, "redacted").deepCopy();
  }

  /** A copy: changing it changes nothing the registry answers. */
  @Override
  public ObjectNode redacted() {
    return redacted.deepCopy();
  }
}
