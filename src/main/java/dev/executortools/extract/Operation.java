package dev.executortools.extract;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One HTTP operation of a spec, with everything later stages need and nothing else.
 *
 * @param method lower-case HTTP method
 * @param operationId the spec's operationId, or the derived one ({@code get__users_id})
 * @param tags non-blank tags (JavaScript's trim decides blank, as executor does), in order
 * @param servers the servers in effect: operation's, else path item's, else the document's
 * @param requestBody null when the operation takes none
 * @param successSchema the raw schema of the first 2xx JSON response, or null
 * @param security the operation's own {@code security}, or null when it declares none and the
 *     document's applies ({@link OperationExtractor#documentSecurity()})
 */
public record Operation(
    String method,
    String pathTemplate,
    String operationId,
    List<String> tags,
    String summary,
    String description,
    boolean deprecated,
    List<Param> params,
    RequestBodySpec requestBody,
    List<ServerSpec> servers,
    JsonNode successSchema,
    SecurityRequirement security) {

  public Operation {
    tags = List.copyOf(tags);
    params = List.copyOf(params);
    servers = List.copyOf(servers);
  }
}
