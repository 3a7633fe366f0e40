package dev.executortools;

import dev.executortools.bind.ServerResolver;
import dev.executortools.result.ErrorModel;
import tools.jackson.databind.JsonNode;

/**
 * What calls of one source share: where requests go, the credentials added to each (unresolved:
 * literal values or secret references), and how upstream errors read.
 */
record SourceRuntime(
    String id,
    String baseUrl,
    JsonNode headers,
    JsonNode queryParams,
    ServerResolver serverResolver,
    ErrorModel errorModel) {}
