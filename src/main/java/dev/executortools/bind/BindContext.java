package dev.executortools.bind;

/**
 * What a call is bound with besides its arguments.
 *
 * @param sourceBaseUrl the source's configured base URL, or null
 * @param serverResolver chooses the base URL; null means {@link ServerResolver#DEFAULT}
 */
public record BindContext(String sourceBaseUrl, ServerResolver serverResolver) {

  public BindContext {
    if (serverResolver == null) serverResolver = ServerResolver.DEFAULT;
  }

  /** No source base URL, the default server resolution. */
  public static BindContext defaults() {
    return new BindContext(null, ServerResolver.DEFAULT);
  }

  /** The default server resolution with a source base URL. */
  public static BindContext withBaseUrl(String sourceBaseUrl) {
    return new BindContext(sourceBaseUrl, ServerResolver.DEFAULT);
  }
}
