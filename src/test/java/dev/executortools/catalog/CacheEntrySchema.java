package dev.executortools.catalog;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import dev.executortools.internal.Json;
import dev.executortools.testing.Corpus;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The JSON Schema of a cache file ({@code src/test/resources/catalog/cache-entry.schema.json}). */
public final class CacheEntrySchema {
  private static final Schema SCHEMA =
      SchemaRegistry.withDialect(Dialects.getDraft202012())
          .getSchema(Json.parse(Corpus.resource("/catalog/cache-entry.schema.json")));

  private CacheEntrySchema() {}

  /** Violations of a cache file's JSON, as "location: message"; empty when it is valid. */
  public static List<String> violations(JsonNode entry) {
    return SCHEMA.validate(entry).stream().map(Object::toString).toList();
  }
}
