package dev.executortools.auth;

import dev.executortools.extract.SecurityRequirement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The scopes a source's operations ask of one scheme: what signing in asks for by default. */
public final class RequiredScopes {
  /** Most scopes asked for by default. */
  static final int MAX_SCOPES = 256;

  private RequiredScopes() {}

  /** Every scope the requirements name for {@code scheme}, each once, in first-seen order. */
  public static List<String> of(Iterable<SecurityRequirement> requirements, String scheme) {
    Set<String> scopes = new LinkedHashSet<>();
    for (SecurityRequirement requirement : requirements) {
      if (requirement == null) continue;
      for (List<SecurityRequirement.SchemeUse> alternative : requirement.alternatives()) {
        for (SecurityRequirement.SchemeUse use : alternative) {
          if (!use.scheme().equals(scheme)) continue;
          for (String scope : use.scopes()) {
            if (scopes.size() >= MAX_SCOPES) return List.copyOf(scopes);
            scopes.add(scope);
          }
        }
      }
    }
    return List.copyOf(scopes);
  }
}
