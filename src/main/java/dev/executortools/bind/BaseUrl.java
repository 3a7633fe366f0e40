package dev.executortools.bind;

import dev.executortools.internal.HttpParsers;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks a resolved base URL and joins it with an encoded path and query. */
final class BaseUrl {
  private static final Pattern VARIABLE = Pattern.compile("\\{([^{}/]+)}");

  private BaseUrl() {}

  /**
   * Refuses a missing base URL, one with an unfilled {@code {variable}}, or one that is not
   * http(s).
   */
  static String check(String resolved) {
    if (resolved == null || resolved.isBlank()) {
      throw new BindException(
          "/server", "no base URL: pass server.url or set the source's baseUrl");
    }
    Matcher variable = VARIABLE.matcher(resolved);
    if (variable.find()) {
      String name = variable.group(1);
      throw new BindException(
          "/server/variables" + BindException.pointerTo(name),
          "server variable '" + name + "' has no value: pass server.variables." + name);
    }
    if (HttpParsers.url(resolved) == null) {
      throw new BindException(
          "/server",
          "no absolute http(s) base URL (a relative server URL needs the source's baseUrl):"
              + " pass server.url or set the source's baseUrl");
    }
    return resolved.strip();
  }

  /**
   * {@code https://h/api/v3} + {@code /pets} is {@code https://h/api/v3/pets}: one slash between
   * them, the base URL's own query first, a fragment dropped.
   */
  static String join(String base, String path, String query) {
    String url = base;
    int hash = url.indexOf('#');
    if (hash >= 0) url = url.substring(0, hash);
    String baseQuery = "";
    int question = url.indexOf('?');
    if (question >= 0) {
      baseQuery = url.substring(question + 1);
      url = url.substring(0, question);
    }
    if (!path.isEmpty()) {
      while (url.endsWith("/")) url = url.substring(0, url.length() - 1);
    }
    String allQuery =
        baseQuery.isEmpty() ? query : query.isEmpty() ? baseQuery : baseQuery + "&" + query;
    return url + path + (allQuery.isEmpty() ? "" : "?" + allQuery);
  }
}
