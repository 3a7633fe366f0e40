package dev.executortools.registry;

import dev.executortools.extract.ServerSpec;
import dev.executortools.extract.ServerVariable;
import dev.executortools.internal.HttpParsers;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * The origins (scheme, host, port) the user approved for a source: its base URL's, its spec
 * servers', and the {@code trustedOrigins} listed when it was added. A server variable in the host
 * or port part counts only with the values the spec fixes: its {@code enum}, else its {@code
 * default}; one with neither adds nothing, so a per-call {@code server.variables} or {@code
 * server.url} can never widen the set. The source's credentials go only here, and URLs here are not
 * under the network policy (the user chose them).
 */
final class TrustedOrigins {
  private static final Pattern VARIABLE = Pattern.compile("\\{([^}]*)}");

  /** Enumerated values multiply; beyond this many combinations a server adds nothing. */
  private static final int MAX_COMBINATIONS = 256;

  private final Set<String> origins;

  private TrustedOrigins(Set<String> origins) {
    this.origins = origins;
  }

  static TrustedOrigins of(String baseUrl, List<ServerSpec> servers) {
    return of(baseUrl, servers, List.of());
  }

  static TrustedOrigins of(String baseUrl, List<ServerSpec> servers, List<String> listed) {
    Set<String> origins = new LinkedHashSet<>();
    if (baseUrl != null) expand(originTemplate(baseUrl.strip()), Map.of(), origins);
    for (ServerSpec server : servers) {
      if (server.url() != null)
        expand(originTemplate(server.url().strip()), server.variables(), origins);
    }
    for (String origin : listed) addOrigin(origin, origins);
    return new TrustedOrigins(Set.copyOf(origins));
  }

  /**
   * {@code trustedOrigins} as given to {@code addSource}: each an exact origin, {@code
   * scheme://host[:port]} (a trailing {@code /} allowed), written the way it is kept.
   *
   * @throws IllegalArgumentException for an entry that is anything else: a wildcard, a path, a
   *     query, user info, another scheme
   */
  static List<String> listed(List<String> given) {
    List<String> origins = new ArrayList<>();
    for (String entry : given) {
      String origin = exactOrigin(entry);
      if (origin == null) {
        throw new IllegalArgumentException(
            "trustedOrigins: '"
                + printable(entry)
                + "' is not an exact origin scheme://host[:port] such as https://uploads.example.com");
      }
      if (!origins.contains(origin)) origins.add(origin);
    }
    return origins;
  }

  private static String printable(String entry) {
    String clean = entry.replaceAll("\\p{Cntrl}", "?");
    return clean.length() > 200 ? clean.substring(0, 200) + "..." : clean;
  }

  /** The origin {@code entry} names exactly, or null when it is no plain http(s) origin. */
  private static String exactOrigin(String entry) {
    String text = entry.endsWith("/") ? entry.substring(0, entry.length() - 1) : entry;
    if (!EXACT_ORIGIN.matcher(text).matches()) return null;
    HttpUrl parsed = HttpParsers.url(text);
    return parsed == null ? null : HttpParsers.origin(parsed);
  }

  /** http(s), then a host name, an IPv4 address or a bracketed IPv6 address, then a port. */
  private static final Pattern EXACT_ORIGIN =
      Pattern.compile("(?i)https?://([a-z0-9_.-]+|\\[[0-9a-f:.]+])(:[0-9]{1,5})?");

  /** Whether {@code url}'s origin is one of the source's. */
  boolean allows(String url) {
    String origin = origin(url);
    return origin != null && origins.contains(origin);
  }

  String describe() {
    return origins.isEmpty() ? "none" : String.join(", ", origins.stream().sorted().toList());
  }

  /** {@code scheme://host[:port]} of {@code url}, default port left out; null when not http(s). */
  static String origin(String url) {
    HttpUrl parsed = url == null ? null : HttpParsers.url(url.strip());
    return parsed == null ? null : HttpParsers.origin(parsed);
  }

  /** The part of a URL template before its path, query or fragment; null for a relative one. */
  private static String originTemplate(String template) {
    int scheme = template.indexOf("://");
    if (scheme < 0) return null;
    int end = template.length();
    for (char c : new char[] {'/', '?', '#'}) {
      int at = template.indexOf(c, scheme + 3);
      if (at >= 0) end = Math.min(end, at);
    }
    return template.substring(0, end);
  }

  /** Adds every origin the template's fixed variable values give. */
  private static void expand(
      String template, Map<String, ServerVariable> variables, Set<String> out) {
    if (template == null) return;
    List<String> filled = List.of(template);
    Matcher variable = VARIABLE.matcher(template);
    while (variable.find()) {
      List<String> values = values(variables.get(variable.group(1)));
      if (values.isEmpty() || filled.size() * values.size() > MAX_COMBINATIONS) return;
      List<String> next = new ArrayList<>();
      for (String partial : filled) {
        for (String value : values) next.add(partial.replace(variable.group(), value));
      }
      filled = next;
    }
    filled.forEach(url -> addOrigin(url, out));
  }

  private static List<String> values(ServerVariable variable) {
    if (variable == null) return List.of();
    if (!variable.allowedValues().isEmpty()) return variable.allowedValues();
    return variable.defaultValue() == null ? List.of() : List.of(variable.defaultValue());
  }

  private static void addOrigin(String url, Set<String> out) {
    String origin = origin(url);
    if (origin != null && !url.contains("{")) out.add(origin);
  }
}
