package dev.executortools.bind;

import dev.executortools.extract.ServerSpec;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Chooses the base URL of a call. A hook: a source with its own endpoint rules (the bundled AWS
 * source) plugs in its resolver through {@link BindContext}.
 *
 * <p>A returned URL may still hold {@code {name}} variables; the plan then refuses the call and
 * names the missing {@code server.variables} entry.
 */
public interface ServerResolver {

  /**
   * {@link DefaultServerResolver}: the per-call {@code url} (its {@code {vars}} filled from the
   * per-call variables), else per-call variables applied to the first server, else the source's
   * base URL, else the first server with its variable defaults. Relative server URLs ({@code /v2})
   * are resolved against the source's base URL when there is one.
   */
  ServerResolver DEFAULT = new DefaultServerResolver();

  /**
   * @param requested the per-call {@code server} argument ({@code {"url"?, "variables"?}}), or null
   * @param sourceBaseUrl the source's configured base URL, or null
   * @param servers the operation's servers in effect, possibly empty
   * @return the base URL, or null when no server is known
   */
  String baseUrl(JsonNode requested, String sourceBaseUrl, List<ServerSpec> servers);

  /**
   * Base URLs the user configured outside the spec and the call (an endpoint override in the
   * environment, for instance): the user chose them, so they count as the source's own origins.
   */
  default List<String> configuredBaseUrls() {
    return List.of();
  }
}
