package dev.executortools.policy;

import dev.executortools.home.HomeLock;
import dev.executortools.home.JsonFiles;
import dev.executortools.home.PrivateFiles;
import dev.executortools.home.StoreException;
import dev.executortools.internal.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The approval rules, one per pattern, kept in {@code <home>/policies.json} (0600): {@code
 * {"formatVersion":2,"rules":[{"pattern","action"}]}} in the order they apply, or in memory.
 * Changes are atomic and serialised across threads and processes by the {@link HomeLock}.
 *
 * <p>A format 1 file (rules in the order added, the first match winning) is migrated when read:
 * {@link FirstMatchRules} keeps every decision it made, and the file is rewritten in format 2.
 */
public final class PolicyStore {
  public static final String FILE_NAME = "policies.json";

  private static final int FORMAT_VERSION = 2;
  private static final int FIRST_MATCH_FORMAT = 1;

  private final Path home; // null: in memory
  private final List<PolicyRule> memory = new ArrayList<>();

  public PolicyStore(Path home) {
    this.home = home;
  }

  /** A store that keeps rules for the life of this object only. */
  public static PolicyStore inMemory() {
    return new PolicyStore(null);
  }

  /**
   * The rules in the order they apply ({@link PolicyRule#PRECEDENCE}).
   *
   * @throws StoreException when the policies file is damaged (it is left in place)
   */
  public List<PolicyRule> list() {
    if (home == null) {
      synchronized (memory) {
        return memory.stream().sorted(PolicyRule.PRECEDENCE).toList();
      }
    }
    return read();
  }

  /** The rules as a policy to decide calls with. */
  public ApprovalPolicy policy() {
    return new ApprovalPolicy(list());
  }

  /** Adds {@code rule}, replacing the action of a rule with the same pattern. */
  public void add(PolicyRule rule) {
    update(
        rules -> {
          for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).pattern().equals(rule.pattern())) {
              rules.set(i, rule);
              return true;
            }
          }
          rules.add(rule);
          return true;
        });
  }

  /**
   * Removes the rule with {@code pattern}.
   *
   * @return whether there was one
   */
  public boolean remove(String pattern) {
    return update(rules -> rules.removeIf(rule -> rule.pattern().equals(pattern)));
  }

  @Override
  public String toString() {
    return home == null ? "PolicyStore[in memory]" : "PolicyStore[" + file() + "]";
  }

  /** Applies {@code change} to the rules and keeps the result when it reports a change. */
  private boolean update(Function<List<PolicyRule>, Boolean> change) {
    if (home == null) {
      synchronized (memory) {
        return change.apply(memory);
      }
    }
    return HomeLock.locked(
        home,
        () -> {
          List<PolicyRule> rules = new ArrayList<>(read());
          boolean changed = change.apply(rules);
          if (changed) write(rules);
          return changed;
        });
  }

  private Path file() {
    return home.resolve(FILE_NAME);
  }

  private List<PolicyRule> read() {
    JsonNode json = JsonFiles.read(file(), "policies").orElse(null);
    if (json == null) return List.of();
    int version = json.path("formatVersion").asInt(-1);
    if (version != FORMAT_VERSION && version != FIRST_MATCH_FORMAT) {
      throw damaged(
          "its formatVersion is neither " + FORMAT_VERSION + " nor " + FIRST_MATCH_FORMAT);
    }
    if (!json.path("rules").isArray()) throw damaged("it has no \"rules\" array");
    List<PolicyRule> rules = new ArrayList<>();
    Set<String> patterns = new HashSet<>();
    for (JsonNode node : json.get("rules")) {
      PolicyRule rule;
      try {
        rule = PolicyRule.fromJson(node);
      } catch (IllegalArgumentException e) {
        throw damaged("rule #" + (rules.size() + 1) + ": " + e.getMessage());
      }
      if (!patterns.add(rule.pattern()) && version == FORMAT_VERSION) {
        throw damaged(
            "rule #" + (rules.size() + 1) + ": pattern \"" + rule.pattern() + "\" appears twice");
      }
      rules.add(rule);
    }
    if (version == FIRST_MATCH_FORMAT) return migrate(FirstMatchRules.migrate(rules));
    return rules.stream().sorted(PolicyRule.PRECEDENCE).toList();
  }

  /**
   * Rewrites a format 1 file in format 2, unless another process did first. A home that cannot be
   * written keeps its format 1 file, read the same way next time.
   */
  private List<PolicyRule> migrate(List<PolicyRule> rules) {
    try {
      HomeLock.run(
          home,
          () -> {
            JsonNode current = JsonFiles.read(file(), "policies").orElse(null);
            if (current != null && current.path("formatVersion").asInt(-1) == FIRST_MATCH_FORMAT)
              write(rules);
          });
    } catch (StoreException e) {
      // read-only home: the rules still decide as migrated
    }
    return rules.stream().sorted(PolicyRule.PRECEDENCE).toList();
  }

  private void write(List<PolicyRule> rules) {
    ObjectNode json = Json.object();
    json.put("formatVersion", FORMAT_VERSION);
    ArrayNode array = json.putArray("rules");
    rules.stream().sorted(PolicyRule.PRECEDENCE).forEach(rule -> array.add(rule.toJson()));
    PrivateFiles.writeAtomically(file(), out -> Json.MAPPER.writeValue(out, json));
  }

  private StoreException damaged(String why) {
    return JsonFiles.damaged(file(), "policies", why);
  }
}
