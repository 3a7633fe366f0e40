package dev.executortools.mcp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Tool ids as MCP tool names that the strictest common clients accept ({@code
 * ^[a-zA-Z0-9_-]{1,64}$}), and back. A name is the id with every other character as {@code _}
 * ({@code github.repos.get} → {@code github_repos_get}); past 64 characters it is cut to 55 and
 * given {@code _} and 8 hex digits of the id's SHA-256. When two ids would share a name, the one
 * that is already that name (else the first in sorted order) keeps it and the others take the
 * hashed form. Deterministic for a given set of ids; immutable.
 */
public final class McpNames {
  public static final Pattern VALID = Pattern.compile("^[a-zA-Z0-9_-]{1,64}$");
  private static final int MAX = 64;
  private static final int KEPT_BEFORE_HASH = MAX - 9;
  private static final Pattern INVALID_RUN = Pattern.compile("[^a-zA-Z0-9_-]");

  private final Map<String, String> nameById;
  private final Map<String, String> idByName;

  private McpNames(Map<String, String> nameById) {
    this.nameById = Map.copyOf(nameById);
    Map<String, String> back = new HashMap<>();
    nameById.forEach((id, name) -> back.put(name, id));
    this.idByName = Map.copyOf(back);
  }

  /** Unique names for these ids. */
  public static McpNames of(Collection<String> ids) {
    Map<String, List<String>> byCandidate = new HashMap<>();
    for (String id : new TreeSet<>(ids)) {
      byCandidate.computeIfAbsent(candidate(id), c -> new ArrayList<>()).add(id);
    }
    Map<String, String> names = new HashMap<>();
    Set<String> taken = new HashSet<>();
    List<String> displaced = new ArrayList<>();
    for (Map.Entry<String, List<String>> group : byCandidate.entrySet()) {
      List<String> sharing = group.getValue();
      String keeper = sharing.contains(group.getKey()) ? group.getKey() : sharing.get(0);
      names.put(keeper, group.getKey());
      taken.add(group.getKey());
      for (String id : sharing) if (!id.equals(keeper)) displaced.add(id);
    }
    displaced.sort(null);
    for (String id : displaced) {
      String name = hashed(id);
      for (int n = 2; taken.contains(name); n++) name = hashed(id + "#" + n);
      names.put(id, name);
      taken.add(name);
    }
    return new McpNames(names);
  }

  /** The name of {@code id}; null when the id was not in the set. */
  public String name(String id) {
    return nameById.get(id);
  }

  /** The id a name stands for. */
  public Optional<String> id(String name) {
    return Optional.ofNullable(idByName.get(name));
  }

  public int size() {
    return nameById.size();
  }

  /** The name an id gets unless another id claims it first. */
  static String candidate(String id) {
    String base = INVALID_RUN.matcher(id).replaceAll("_");
    if (base.isEmpty()) return hashed(id);
    return base.length() <= MAX ? base : hashed(id);
  }

  private static String hashed(String id) {
    String base = INVALID_RUN.matcher(id).replaceAll("_");
    if (base.length() > KEPT_BEFORE_HASH) base = base.substring(0, KEPT_BEFORE_HASH);
    return (base.isEmpty() ? "tool" : base) + "_" + hash8(id);
  }

  private static String hash8(String id) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder();
      for (int i = 0; i < 4; i++) hex.append(String.format("%02x", digest[i]));
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
