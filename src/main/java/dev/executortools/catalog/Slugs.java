package dev.executortools.catalog;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Slugs and namespaces of catalog entries.
 *
 * <p>A spec of the APIs.guru directory has the slug integrations.sh gives it: {@link #slugify} of
 * its entry's {@code provider:service} key followed by {@code :service} again ({@code
 * ably.io:platform} → {@code ably-io-platform-platform}, {@code xkcd.com} → {@code xkcd-com}), as
 * the catalog's {@code normalize.ts} computes it from an APIs.guru list whose {@code provider} is
 * the whole key.
 *
 * <p>Any other spec's slug is its path below the folder it was found in, its segments joined with
 * {@code _}, the extension dropped, and a last segment named {@code openapi} or {@code swagger}
 * (the APIs.guru repository's file names) dropped too: {@code
 * github.com/api.github.com/1.1.4/openapi.yaml} → {@code github.com_api.github.com_1.1.4}; {@code
 * microsoft.com/graph.json} (the npm package's layout) → {@code microsoft.com_graph}. Characters
 * outside {@code [A-Za-z0-9._-]} become {@code _}, so a slug is always a plain file name.
 */
public final class Slugs {
  private static final Pattern NOT_FILE_SAFE = Pattern.compile("[^A-Za-z0-9._-]");
  private static final Pattern NOT_NAMESPACE = Pattern.compile("[^a-z0-9_]");
  private static final Pattern SPEC_EXTENSION =
      Pattern.compile("\\.(json|ya?ml)$", Pattern.CASE_INSENSITIVE);

  private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");

  private Slugs() {}

  /** The slug of the APIs.guru entry {@code provider} ({@code :service} when it has one). */
  public static String ofApisGuru(String provider, String service) {
    String key = service == null || service.isEmpty() ? provider : provider + ":" + service;
    return slugify(key.equals(provider) ? key : key + ":" + service);
  }

  /**
   * integrations.sh's {@code slugify}: NFKD, lower case, every run of characters outside {@code
   * [a-z0-9]} as {@code -}, no {@code -} at either end; a text with nothing left becomes {@code x-}
   * and a base-36 hash of it.
   */
  public static String slugify(String text) {
    String lower = Normalizer.normalize(text, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
    String base = NOT_SLUG.matcher(lower).replaceAll("-");
    if (base.startsWith("-")) base = base.substring(1);
    if (base.endsWith("-")) base = base.substring(0, base.length() - 1);
    if (!base.isEmpty()) return base;
    int h = 0;
    for (int i = 0; i < text.length(); i++) h = h * 31 + text.charAt(i);
    return "x-" + Long.toString(Integer.toUnsignedLong(h), 36);
  }

  /** The slug of a spec at {@code segments} (its path below the given folder, file name last). */
  public static String of(List<String> segments) {
    List<String> parts = new ArrayList<>(segments.size());
    for (String segment : segments) if (!segment.isEmpty()) parts.add(segment);
    if (!parts.isEmpty()) {
      int last = parts.size() - 1;
      String stem = SPEC_EXTENSION.matcher(parts.get(last)).replaceFirst("");
      String lower = stem.toLowerCase(Locale.ROOT);
      if ((lower.equals("openapi") || lower.equals("swagger")) && last > 0) {
        parts.remove(last);
      } else {
        parts.set(last, stem);
      }
    }
    String slug = NOT_FILE_SAFE.matcher(String.join("_", parts)).replaceAll("_");
    if (slug.isEmpty() || slug.startsWith(".")) slug = "_" + slug;
    return slug;
  }

  /**
   * The namespace of a slug's tools: {@code openapi_} + the slug lower-cased with every character
   * outside {@code [a-z0-9_]} replaced by {@code _} ({@code github.com_api.github.com} → {@code
   * openapi_github_com_api_github_com}).
   */
  public static String namespace(String slug) {
    return "openapi_" + NOT_NAMESPACE.matcher(slug.toLowerCase(Locale.ROOT)).replaceAll("_");
  }
}
