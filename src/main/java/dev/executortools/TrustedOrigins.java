package dev.executortools;

import dev.executortools.extract.ServerSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * The origins a source's credentials may go to: its base URL's and its spec servers'. A per-call
 * {@code server} argument can point a call anywhere; with credentials attached it must stay here.
 * Server variables in a host ({@code https://{tenant}.example.com}) match letters, digits, dots and
 * dashes, so a variable can pick a subdomain but never another domain.
 */
final class TrustedOrigins {
  private static final Pattern VARIABLE = Pattern.compile("\\{[^}]*}");

  private final List<Pattern> patterns;
  private final Set<String> shown;

  private TrustedOrigins(List<Pattern> patterns, Set<String> shown) {
    this.patterns = patterns;
    this.shown = shown;
  }

  static TrustedOrigins of(String baseUrl, List<ServerSpec> servers) {
    List<Pattern> patterns = new ArrayList<>();
    Set<String> shown = new LinkedHashSet<>();
    List<String> templates = new ArrayList<>();
    if (baseUrl != null) templates.add(baseUrl);
    servers.forEach(s -> templates.add(s.url()));
    for (String template : templates) {
      String origin = originTemplate(template);
      if (origin == null) continue;
      shown.add(origin);
      patterns.add(pattern(origin));
    }
    return new TrustedOrigins(List.copyOf(patterns), shown);
  }

  /** Whether {@code url}'s origin is one of the source's. */
  boolean allows(String url) {
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed == null) return false;
    String origin = parsed.scheme() + "://" + parsed.host()
        + (parsed.port() == HttpUrl.defaultPort(parsed.scheme()) ? "" : ":" + parsed.port());
    for (Pattern pattern : patterns) {
      if (pattern.matcher(origin).matches()) return true;
    }
    return false;
  }

  String describe() {
    return shown.isEmpty() ? "none" : String.join(", ", shown);
  }

  /** {@code scheme://host[:port]} of an absolute URL template, lower-cased; null for a relative one. */
  private static String originTemplate(String template) {
    int scheme = template.indexOf("://");
    if (scheme < 0) return null;
    int end = template.indexOf('/', scheme + 3);
    String origin = (end < 0 ? template : template.substring(0, end)).toLowerCase(Locale.ROOT);
    int query = origin.indexOf('?');
    if (query >= 0) origin = origin.substring(0, query);
    if (origin.startsWith("https://") && origin.endsWith(":443")) origin = origin.substring(0, origin.length() - 4);
    if (origin.startsWith("http://") && origin.endsWith(":80")) origin = origin.substring(0, origin.length() - 3);
    return origin;
  }

  private static Pattern pattern(String origin) {
    StringBuilder regex = new StringBuilder();
    Matcher variable = VARIABLE.matcher(origin);
    int last = 0;
    while (variable.find()) {
      regex.append(Pattern.quote(origin.substring(last, variable.start()))).append("[a-z0-9.-]*");
      last = variable.end();
    }
    regex.append(Pattern.quote(origin.substring(last)));
    return Pattern.compile(regex.toString());
  }
}
