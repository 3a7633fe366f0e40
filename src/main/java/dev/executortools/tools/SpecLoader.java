package dev.executortools.tools;

import dev.executortools.internal.Json;
import dev.executortools.parse.SpecDocument;
import dev.executortools.parse.SpecException;
import dev.executortools.parse.SpecFetcher;
import dev.executortools.parse.SpecReader;
import java.net.URI;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The {@code spec} argument (URL or inline text) to a document; shared by preview and add. */
public final class SpecLoader {
  /** Resolves a credential map argument (literal values or secret references) to values. */
  public interface CredentialResolver {
    Map<String, String> resolve(JsonNode credentialMap) throws SpecException;
  }

  public record Loaded(SpecDocument document, String url, String text) {
    public URI location() {
      return url == null ? null : SpecFetcher.location(url);
    }
  }

  private final SpecFetcher fetcher;
  private final CredentialResolver credentials;

  public SpecLoader(SpecFetcher fetcher, CredentialResolver credentials) {
    this.fetcher = fetcher;
    this.credentials = credentials;
  }

  public Loaded load(String spec, JsonNode fetchCredentials) throws SpecException {
    if (SpecFetcher.isUrl(spec)) {
      JsonNode creds = fetchCredentials == null ? Json.object() : fetchCredentials;
      String text = fetcher.fetch(
          spec, credentials.resolve(creds.get("headers")), credentials.resolve(creds.get("queryParams")));
      return new Loaded(SpecReader.read(text), spec.strip(), text);
    }
    return new Loaded(SpecReader.read(spec), null, spec);
  }
}
