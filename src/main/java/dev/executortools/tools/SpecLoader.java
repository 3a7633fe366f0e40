package dev.executortools.tools;

import dev.executortools.CredentialValue;
import dev.executortools.fetch.SpecFetcher;
import dev.executortools.parse.SpecDocument;
import dev.executortools.parse.SpecException;
import dev.executortools.parse.SpecReader;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code spec} argument (URL or inline text) to a document; shared by preview and add. */
public final class SpecLoader {
  /** Resolves credentials (literal values or secret references) to the values sent. */
  public interface CredentialResolver {
    Map<String, String> resolve(Map<String, CredentialValue> credentials) throws SpecException;
  }

  public record Loaded(SpecDocument document, String url, String text) {
    public URI location() {
      return url == null ? null : SpecFetcher.location(url);
    }
  }

  private static final Pattern POSITION = Pattern.compile("\\(line (\\d+), column (\\d+)\\)");

  /** Parse failures whose messages quote nothing of the document. */
  private static final Set<String> FIXED_REASONS =
      Set.of(
          "the document is empty",
          SpecReader.NO_PATHS,
          "the document's 'paths' is not an object",
          "not an OpenAPI document: expected a JSON or YAML object at the top level",
          "not an OpenAPI document: no 'openapi' or 'swagger' version field");

  private final SpecFetcher fetcher;
  private final CredentialResolver credentials;

  public SpecLoader(SpecFetcher fetcher, CredentialResolver credentials) {
    this.fetcher = fetcher;
    this.credentials = credentials;
  }

  /**
   * Reads {@code spec}: fetched when it is a URL, else parsed as the document itself. A fetched
   * document that cannot be used is reported by where the problem is, never by its content (the URL
   * might have reached something that is no spec at all, and its text is not the caller's).
   */
  public Loaded load(
      String spec, Map<String, CredentialValue> headers, Map<String, CredentialValue> queryParams)
      throws SpecException {
    if (SpecFetcher.isUrl(spec)) {
      String text =
          fetcher.fetch(spec, credentials.resolve(headers), credentials.resolve(queryParams));
      try {
        return new Loaded(SpecReader.read(text), spec.strip(), text);
      } catch (SpecException e) {
        throw locatedOnly(e, spec);
      }
    }
    return new Loaded(SpecReader.read(spec), null, spec);
  }

  private static SpecException locatedOnly(SpecException e, String url) {
    URI location = SpecFetcher.location(url);
    String where =
        location == null || location.getHost() == null
            ? "the URL"
            : location.getScheme()
                + "://"
                + location.getHost()
                + (location.getPort() < 0 ? "" : ":" + location.getPort())
                + location.getRawPath();
    Matcher position = POSITION.matcher(String.valueOf(e.getMessage()));
    String at =
        position.find()
            ? " (line " + position.group(1) + ", column " + position.group(2) + ")"
            : "";
    String why =
        FIXED_REASONS.contains(e.getMessage())
            ? e.getMessage()
            : switch (e.code()) {
              case UNSAFE_REFERENCE -> "it has a $ref that leaves the document";
              case OPENAPI_PARSE_FAILED ->
                  "it is not a readable Swagger 2.0 or OpenAPI 3.x document" + at;
              default -> "it cannot be read" + at;
            };
    return new SpecException(
        e.code(), "the document fetched from " + where + " cannot be used: " + why);
  }
}
