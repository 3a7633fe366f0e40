package dev.executortools.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Gives every spec of a run its own slug, in three passes: specs named in the explicit mapping,
 * then specs of the APIs.guru directory in the order of their keys (as integrations.sh lists them),
 * a repeated slug getting {@code -2}, {@code -3}, ... as its {@code normalize.ts} does, then every
 * other spec by its path in the order given, a repeated slug getting {@code _2}, {@code _3}, ....
 * Slugs differ in more than case, so that they are distinct file names everywhere.
 */
final class SlugAssigner {
  private static final Pattern FILE_SAFE = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");
  private static final Pattern TRAILING_NUMBER = Pattern.compile("-\\d+$");

  /**
   * One spec to name.
   *
   * @param names what the explicit mapping may call it: its path as given or below the folder
   *     given, and its APIs.guru key when it has one
   * @param key its APIs.guru entry, or null
   * @param segments its path, for a slug of last resort ({@link Slugs#of})
   */
  record Spec(List<String> names, ApisGuruKey key, List<String> segments) {}

  private final Map<String, String> explicit;
  private final Set<String> taken = new HashSet<>();
  private final Map<String, Integer> seen = new HashMap<>();

  /**
   * @param explicit slug by spec path or APIs.guru key
   * @throws IllegalArgumentException when a slug of the mapping is not a plain file name
   */
  SlugAssigner(Map<String, String> explicit) {
    for (var entry : explicit.entrySet()) {
      if (!FILE_SAFE.matcher(entry.getValue()).matches())
        throw new IllegalArgumentException(
            "the slug for "
                + entry.getKey()
                + " must be a plain file name ([A-Za-z0-9._-], not starting with '.'): "
                + entry.getValue());
    }
    this.explicit = Map.copyOf(explicit);
  }

  /** The slugs of {@code specs}, in their order. */
  List<String> assign(List<Spec> specs) {
    String[] slugs = new String[specs.size()];
    List<Integer> keyed = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      String mapped = mapped(specs.get(i));
      if (mapped != null) slugs[i] = claimRepeated(mapped);
      else if (specs.get(i).key() != null) keyed.add(i);
    }
    keyed.sort(Comparator.comparing(i -> specs.get(i).key().key()));
    for (int i : keyed) slugs[i] = claimRepeated(specs.get(i).key().slug());
    for (int i = 0; i < specs.size(); i++) {
      if (slugs[i] == null) slugs[i] = claimPath(Slugs.of(specs.get(i).segments()));
    }
    return List.of(slugs);
  }

  private String mapped(Spec spec) {
    for (String name : spec.names()) if (explicit.containsKey(name)) return explicit.get(name);
    return null;
  }

  /** {@code normalize.ts}'s rule ({@code -2}, {@code -3}, ...), never giving a slug twice. */
  private String claimRepeated(String base) {
    int n = seen.getOrDefault(base, 0);
    String slug = n > 0 ? base + "-" + (n + 1) : base;
    seen.put(TRAILING_NUMBER.matcher(slug).replaceFirst(""), n + 1);
    for (int k = n + 2; !claim(slug); k++) slug = base + "-" + k;
    return slug;
  }

  private String claimPath(String base) {
    String slug = base;
    for (int n = 2; !claim(slug); n++) slug = base + "_" + n;
    return slug;
  }

  private boolean claim(String slug) {
    return taken.add(slug.toLowerCase(Locale.ROOT));
  }
}
