package dev.executortools.cli;

import dev.executortools.ErrorCode;
import dev.executortools.ToolError;
import dev.executortools.ToolRegistry;
import dev.executortools.home.StoreException;
import dev.executortools.internal.Json;
import dev.executortools.policy.PolicyAction;
import dev.executortools.policy.PolicyRule;
import dev.executortools.policy.PolicyStore;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ArrayNode;

/**
 * {@code policies list | add PATTERN ACTION | remove PATTERN | explain ID}: the most specific rule
 * wins.
 */
@Command(
    name = "policies",
    mixinStandardHelpOptions = true,
    description =
        "Approval rules: PATTERN is *, a tool id or prefix.*; ACTION is approve, require_approval or block. "
            + "The most specific matching rule wins (the exact id, then the longest prefix, then *), whatever the order "
            + "rules were added in; without a match, non-GET/HEAD/OPTIONS tools and openapi.addSource require approval.",
    subcommands = {
      PoliciesCommand.ListRules.class,
      PoliciesCommand.Add.class,
      PoliciesCommand.Remove.class,
      PoliciesCommand.Explain.class
    })
final class PoliciesCommand {

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description =
          "Print the rules in the order they apply (data: an array of {pattern, action}).")
  static final class ListRules implements Callable<Integer> {
    @Mixin HomeOption home;

    @Override
    public Integer call() {
      return printRules(new PolicyStore(home.resolve()));
    }
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description =
          "Add a rule; an existing PATTERN gets the new ACTION. Prints the rules in the order they apply.")
  static final class Add implements Callable<Integer> {
    @Mixin HomeOption home;

    @Parameters(index = "0", paramLabel = "PATTERN")
    String pattern;

    @Parameters(
        index = "1",
        paramLabel = "ACTION",
        description = "approve, require_approval or block")
    String action;

    @Override
    public Integer call() {
      PolicyRule rule;
      try {
        rule = new PolicyRule(pattern, PolicyAction.fromWireName(action.toLowerCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        return Output.usage("invalid rule: " + e.getMessage());
      }
      PolicyStore store = new PolicyStore(home.resolve());
      try {
        store.add(rule);
      } catch (StoreException e) {
        return storeFailed(e);
      }
      return printRules(store);
    }
  }

  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      description = "Remove the rule with this pattern (unknown_rule when there is none).")
  static final class Remove implements Callable<Integer> {
    @Mixin HomeOption home;

    @Parameters(paramLabel = "PATTERN")
    String pattern;

    @Override
    public Integer call() {
      PolicyStore store = new PolicyStore(home.resolve());
      try {
        if (!store.remove(pattern)) {
          return Output.fail(
              ToolError.of(ErrorCode.UNKNOWN_RULE, "no rule with pattern '" + pattern + "'")
                  .withDetails(Json.object().put("pattern", pattern)));
        }
      } catch (StoreException e) {
        return storeFailed(e);
      }
      return printRules(store);
    }
  }

  @Command(
      name = "explain",
      mixinStandardHelpOptions = true,
      description =
          "Say which rule decides a tool and why, or that the default does "
              + "(data: {id, action, rule, overridden, reason, listed, requiresApproval}).")
  static final class Explain implements Callable<Integer> {
    @Mixin HomeOption home;

    @Parameters(paramLabel = "ID", description = "Tool id, e.g. github.repos.delete.")
    String id;

    @Override
    public Integer call() {
      try (ToolRegistry registry = home.open(null)) {
        return Output.result(registry.explainPolicy(id));
      }
    }
  }

  private static int printRules(PolicyStore store) {
    ArrayNode rules = Json.array();
    try {
      store.list().forEach(r -> rules.add(r.toJson()));
    } catch (StoreException e) {
      return storeFailed(e);
    }
    return Output.ok(rules);
  }

  private static int storeFailed(StoreException e) {
    return Output.fail(ToolError.of(ErrorCode.STORE_FAILED, e.getMessage()));
  }
}
