package dev.executortools.agent;

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
 * Tool ids as tool names that the strictest common hosts (MCP clients, model APIs) accept ({@code
 * ^[a-zA-Z0-9_-]{1,64}$}), and back. A name is the id with every other character as {@code _}
 * ({@code github.repos.get} → {@code github_repos_get}); past the longest name (64 characters, or
 * less for hosts that prefix names) it is cut to that length less 9 and given {@code _} and 8 hex
 * digits of the id's SHA-256. When two ids would share a name, the one that is already that name
 * (else the first in sorted order) keeps it and the others take the hashed form. Deterministic for
 * a given set of ids and length; immutable.
 */
public final class ToolNames {
  public static final Pattern VALID = Pattern.compile("^[a-zA-Z0-9_-]{1,64}$");

  /** The longest name MCP clients accept, and the default. */
  public static final int MAX_LENGTH = 64;

  /** The shortest longest name: a hashed name keeps at least 7 characters of its id. */
  public static final int MIN_LENGTH = 16;

  private static final int HASH_SUFFIX = 9;
  private static final Pattern INVALID_RUN = Pattern.compile("[^a-zA-Z0-9_-]");

  private final Map<String, String> nameById;
  private final Map<String, String> idByName;

  private ToolNames(Map<String, String> nameById) {
    this.nameById = Map.copyOf(nameById);
    Map<String, String> back = new HashMap<>();
    nameById.forEach((id, name) -> back.put(name, id));
    this.idByName = Map.copyOf(back);
  }

  /** Unique names of at most {@link #MAX_LENGTH} characters for these ids. */
  public static ToolNames of(Collection<String> ids) {
    return of(ids, MAX_LENGTH);
  }

  /**
   * Unique names of at most {@code maxLength} characters for these ids.
   *
   * @throws IllegalArgumentException when {@code maxLength} is outside {@link #MIN_LENGTH}..{@link
   *     #MAX_LENGTH}
   */
  public static ToolNames of(Collection<String> ids, int maxLength) {
    checkLength(maxLength);
    Map<String, List<String>> byCandidate = new HashMap<>();
    for (String id : new TreeSet<>(ids)) {
      byCandidate.computeIfAbsent(candidate(id, maxLength), c -> new ArrayList<>()).add(id);
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
      String name = hashed(id, maxLength);
      for (int n = 2; taken.contains(name); n++) name = hashed(id + "#" + n, maxLength);
      names.put(id, name);
      taken.add(name);
    }
    return new ToolNames(names);
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

  /**
   * @throws IllegalArgumentException when {@code maxLength} is outside {@link #MIN_LENGTH}..{@link
   *     #MAX_LENGTH}
   */
  public static void checkLength(int maxLength) {
    if (maxLength < MIN_LENGTH || maxLength > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "the longest tool name must be "
              + MIN_LENGTH
              + " to "
              + MAX_LENGTH
              + " characters, not "
              + maxLength);
    }
  }

  /** The name an id gets unless another id claims it first. */
  static String candidate(String id, int maxLength) {
    String base = INVALID_RUN.matcher(id).replaceAll("_");
    if (base.isEmpty()) return hashed(id, maxLength);
    return base.length() <= maxLength ? base : hashed(id, maxLength);
  }

  private static String hashed(String id, int maxLength) {
    int kept = maxLength - HASH_SUFFIX;
    String base = INVALID_RUN.matcher(id).replaceAll("_");
    if (base.length() > kept) base = base.substring(0, kept);
    return (base.isEmpty() ? "tool" : base) + "_" + hash8(id);
  }

  private static String hash8(String id) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder();
      for (int i = 0; i < 4; i++) hex.append(String.format("%02x", digest[i]));
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
