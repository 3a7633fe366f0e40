package dev.executortools.policy;

import dev.executortools.internal.Json;
import dev.executortools.store.HomeLock;
import dev.executortools.store.JsonFiles;
import dev.executortools.store.PrivateFiles;
import dev.executortools.store.StoreException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The ordered approval rules, kept in {@code <home>/policies.json} (0600): {@code
 * {"formatVersion":1,"rules":[{"pattern","action"}]}}, or in memory. Changes are atomic and
 * serialised across threads and processes by the {@link HomeLock}.
 */
public final class PolicyStore {
  public static final String FILE_NAME = "policies.json";

  private static final int FORMAT_VERSION = 1;

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
   * The rules in order.
   *
   * @throws StoreException when the policies file is damaged (it is left in place)
   */
  public List<PolicyRule> list() {
    if (home == null) {
      synchronized (memory) {
        return List.copyOf(memory);
      }
    }
    return read();
  }

  /** The rules as a policy to decide calls with. */
  public ApprovalPolicy policy() {
    return new ApprovalPolicy(list());
  }

  /**
   * Appends {@code rule}; a rule with the same pattern has its action replaced in place instead.
   */
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
    if (json.path("formatVersion").asInt(-1) != FORMAT_VERSION) {
      throw damaged("its formatVersion is not " + FORMAT_VERSION);
    }
    if (!json.path("rules").isArray()) throw damaged("it has no \"rules\" array");
    List<PolicyRule> rules = new ArrayList<>();
    for (JsonNode rule : json.get("rules")) {
      try {
        rules.add(PolicyRule.fromJson(rule));
      } catch (IllegalArgumentException e) {
        throw damaged("rule #" + (rules.size() + 1) + ": " + e.getMessage());
      }
    }
    return List.copyOf(rules);
  }

  private void write(List<PolicyRule> rules) {
    ObjectNode json = Json.object();
    json.put("formatVersion", FORMAT_VERSION);
    ArrayNode array = json.putArray("rules");
    rules.forEach(rule -> array.add(rule.toJson()));
    PrivateFiles.writeAtomically(file(), out -> Json.MAPPER.writeValue(out, json));
  }

  private StoreException damaged(String why) {
    return JsonFiles.damaged(file(), "policies", why);
  }
}
