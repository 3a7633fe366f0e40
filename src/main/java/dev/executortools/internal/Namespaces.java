package dev.executortools.internal;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one rule for source namespaces: what a namespace looks like ({@code [a-z0-9_]}, 1 to {@value
 * #MAX_LENGTH} characters, so it is also a safe file name), which names a new source may not take,
 * and the default derived from a spec's title.
 */
public final class Namespaces {
  /**
   * Reserved for the plugin's own tools ({@code openapi.previewSpec}, {@code openapi.addSource}).
   */
  public static final String RESERVED = "openapi";

  /** The bundled SSO-OIDC source's id. */
  public static final String BUNDLED = "aws_sso_oidc";

  public static final int MAX_LENGTH = 128;

  private static final Set<String> TAKEN = Set.of(RESERVED, BUNDLED);
  private static final Pattern OUTSIDE_ALLOWED = Pattern.compile("[^a-z0-9]+");
  private static final Pattern WELL_FORMED = Pattern.compile("[a-z0-9_]+");

  private Namespaces() {}

  /**
   * The title lower-cased with every run of characters outside {@code [a-z0-9]} replaced by {@code
   * _}, nothing trimmed ({@code "GitHub v3 REST API"} → {@code github_v3_rest_api}); {@code api}
   * when there is no title. The result may be empty, too long or taken: check with {@link
   * #problem}.
   */
  public static String fromTitle(String titleOrNull) {
    String title = titleOrNull == null ? "api" : titleOrNull;
    return OUTSIDE_ALLOWED.matcher(title.toLowerCase(Locale.ROOT)).replaceAll("_");
  }

  /** {@code [a-z0-9_]}, 1 to {@value #MAX_LENGTH} characters: what a stored source may be named. */
  public static boolean isWellFormed(String namespace) {
    return namespace != null
        && !namespace.isEmpty()
        && namespace.length() <= MAX_LENGTH
        && WELL_FORMED.matcher(namespace).matches();
  }

  /** Whether a new source may be added under {@code namespace}. */
  public static boolean isValid(String namespace) {
    return problem(namespace) == null;
  }

  /** Why a new source may not be added under {@code namespace}; null when it may. */
  public static String problem(String namespace) {
    if (!isWellFormed(namespace)) {
      String shown = namespace == null ? "" : namespace;
      if (shown.length() > 40) shown = shown.substring(0, 40) + "...";
      return "namespace '"
          + shown.replaceAll("\\p{Cntrl}", "?")
          + "' is not allowed: use [a-z0-9_], 1 to "
          + MAX_LENGTH
          + " characters";
    }
    if (TAKEN.contains(namespace)) {
      return "namespace '"
          + namespace
          + "' is not allowed: it is reserved ("
          + String.join(", ", TAKEN.stream().sorted().toList())
          + ")";
    }
    return null;
  }
}
