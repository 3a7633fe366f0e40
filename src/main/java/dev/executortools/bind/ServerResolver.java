package dev.executortools.bind;

import dev.executortools.extract.ServerSpec;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Chooses the base URL of one call.
 *
 * <p>TEMPORARY COPY made by the {@code invoke} branch so {@code aws.AwsEndpointResolver} compiles
 * before {@code bind} lands; the {@code bind} branch owns this interface and its version wins.
 *
 * @param requestedServerArg the call's {@code server} argument ({@code {"url"?, "variables"?}}),
 *     or null when absent
 * @param sourceBaseUrl the source's configured base URL, or null
 * @param servers the operation's servers (operation, path or document level)
 */
public interface ServerResolver {
  String baseUrl(JsonNode requestedServerArg, String sourceBaseUrl, List<ServerSpec> servers);
}
