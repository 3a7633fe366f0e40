package dev.executortools.naming;

import java.util.Locale;
import java.util.regex.Pattern;

/** Source namespaces: the default derived from a spec's title, and what a valid one looks like. */
public final class Namespaces {
  /**
   * Reserved for the plugin's own tools ({@code openapi.previewSpec}, {@code openapi.addSource}).
   */
  public static final String RESERVED = "openapi";

  private static final Pattern OUTSIDE_ALLOWED = Pattern.compile("[^a-z0-9]+");
  private static final Pattern VALID = Pattern.compile("[a-z0-9_]+");

  private Namespaces() {}

  /**
   * The title lower-cased with every run of characters outside {@code [a-z0-9]} replaced by {@code
   * _}, nothing trimmed ({@code "GitHub v3 REST API"} → {@code github_v3_rest_api}); {@code api}
   * when there is no title. The result may be empty or reserved: check with {@link #isValid}.
   */
  public static String fromTitle(String titleOrNull) {
    String title = titleOrNull == null ? "api" : titleOrNull;
    return OUTSIDE_ALLOWED.matcher(title.toLowerCase(Locale.ROOT)).replaceAll("_");
  }

  /** Non-empty {@code [a-z0-9_]+} and not {@value #RESERVED}. */
  public static boolean isValid(String namespace) {
    return namespace != null && VALID.matcher(namespace).matches() && !RESERVED.equals(namespace);
  }
}
