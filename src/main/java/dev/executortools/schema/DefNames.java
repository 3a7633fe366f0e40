package dev.executortools.schema;

import dev.executortools.parse.SpecDocument;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Names the {@code $defs} entry a document-local {@code $ref} becomes. A name depends only on the
 * document and the reference, never on which operation was compiled first.
 *
 * <ul>
 *   <li>{@code #/components/schemas/Pet} becomes {@code Pet}; component names outside {@code
 *       [A-Za-z0-9._-]} are sanitized, and a sanitized name that is already taken gets {@code _2},
 *       {@code _3}… in document order.
 *   <li>Any other pointer ({@code #/components/schemas/Pet/properties/tag}, {@code
 *       #/paths/~1pets/get/...}) becomes its segments joined with {@code .}, the leading {@code
 *       components.schemas.X} replaced by X's def name, plus a hash of the pointer whenever the
 *       joined name could be ambiguous.
 *   <li>A reference that is not local, not a JSON pointer, or points at nothing usable has no name.
 * </ul>
 */
final class DefNames {
  private static final Pattern CLEAN = Pattern.compile("[A-Za-z0-9._-]+");
  private static final Pattern UNCLEAN_RUN = Pattern.compile("[^A-Za-z0-9._-]+");

  private final SpecDocument doc;
  private final Map<String, String> componentNames = new HashMap<>();
  private final Set<String> componentDefNames = new HashSet<>();
  private final Map<String, Optional<String>> nameByRef = new ConcurrentHashMap<>();
  private final Map<String, JsonNode> targetByName = new ConcurrentHashMap<>();

  DefNames(SpecDocument doc) {
    this.doc = doc;
    JsonNode schemas = doc.root().path("components").path("schemas");
    List<String> unclean = new ArrayList<>();
    for (String name : schemas.propertyNames()) {
      if (CLEAN.matcher(name).matches()) {
        componentNames.put(name, name);
        componentDefNames.add(name);
      } else {
        unclean.add(name);
      }
    }
    for (String name : unclean) {
      String base = sanitize(name);
      String candidate = base;
      for (int n = 2; componentDefNames.contains(candidate); n++) candidate = base + "_" + n;
      componentNames.put(name, candidate);
      componentDefNames.add(candidate);
    }
  }

  /** The def name for a reference, or null when it cannot be followed (a dangling reference). */
  String nameFor(String ref) {
    return nameByRef.computeIfAbsent(ref, r -> Optional.ofNullable(computeName(r))).orElse(null);
  }

  /** The raw document node a named def translates (only for names handed out by nameFor). */
  JsonNode target(String defName) {
    return targetByName.get(defName);
  }

  /** The {@code $ref} value pointing at a def of the tool's own schema. */
  static String refTo(String defName) {
    return "#/$defs/" + encodeFragment(defName.replace("~", "~0").replace("/", "~1"));
  }

  private String computeName(String ref) {
    List<String> segments = segments(ref);
    if (segments == null || segments.isEmpty()) return null;
    JsonNode target = doc.resolve(ref);
    if (target == null || !(target.isObject() || target.isBoolean())) return null;
    String name;
    if (segments.size() == 3
        && segments.get(0).equals("components")
        && segments.get(1).equals("schemas")
        && componentNames.containsKey(segments.get(2))) {
      name = componentNames.get(segments.get(2));
    } else {
      name = pointerName(segments, ref);
    }
    targetByName.putIfAbsent(name, target);
    return name;
  }

  private String pointerName(List<String> segments, String ref) {
    List<String> rest = segments;
    StringBuilder joined = new StringBuilder();
    boolean ambiguous = false;
    if (segments.size() > 3
        && segments.get(0).equals("components")
        && segments.get(1).equals("schemas")
        && componentNames.containsKey(segments.get(2))) {
      String prefix = componentNames.get(segments.get(2));
      joined.append(prefix);
      ambiguous = prefix.indexOf('.') >= 0;
      rest = segments.subList(3, segments.size());
    }
    for (String segment : rest) {
      String clean = sanitize(segment);
      ambiguous |= !clean.equals(segment) || segment.indexOf('.') >= 0;
      if (joined.length() > 0) joined.append('.');
      joined.append(clean);
    }
    String name = joined.toString();
    if (ambiguous || componentDefNames.contains(name)) {
      name = name + "-" + String.format(Locale.ROOT, "%08x", ref.hashCode());
    }
    return name;
  }

  /** The unescaped segments of a local JSON-pointer reference, or null for anything else. */
  private static List<String> segments(String ref) {
    if (ref == null || !ref.startsWith("#/")) return null;
    String pointer = ref.substring(1);
    if (pointer.indexOf('%') >= 0) {
      try {
        pointer = URLDecoder.decode(pointer.replace("+", "%2B"), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    List<String> segments = new ArrayList<>();
    for (String raw : pointer.substring(1).split("/", -1)) {
      segments.add(raw.replace("~1", "/").replace("~0", "~"));
    }
    return segments;
  }

  private static String sanitize(String name) {
    String clean = UNCLEAN_RUN.matcher(name).replaceAll("_");
    return clean.isEmpty() ? "schema" : clean;
  }

  private static String encodeFragment(String pointer) {
    StringBuilder out = new StringBuilder(pointer.length());
    for (byte b : pointer.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean plain =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0;
      if (plain) out.append((char) c);
      else out.append('%').append(String.format(Locale.ROOT, "%02X", c));
    }
    return out.toString();
  }
}
