package dev.executortools.extract;

import tools.jackson.databind.JsonNode;

/**
 * A request-body media type.
 *
 * @param schema the raw OpenAPI schema (refs unresolved), or null when none is declared
 * @param encoding the raw OpenAPI {@code encoding} map (form and multipart), or null
 */
public record MediaTypeSpec(String mediaType, JsonNode schema, JsonNode encoding) {}
