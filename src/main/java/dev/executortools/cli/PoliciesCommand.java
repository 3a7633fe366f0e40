package dev.executortools.cli;

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

/** {@code policies list | add PATTERN ACTION | remove PATTERN}: ordered rules, first match wins. */
@Command(name = "policies", mixinStandardHelpOptions = true,
    description = "Approval rules: PATTERN is *, a tool id or prefix.*; ACTION is approve, require_approval or block. "
        + "First match wins; without a match, non-GET/HEAD/OPTIONS tools and openapi.addSource require approval.",
    subcommands = {PoliciesCommand.ListRules.class, PoliciesCommand.Add.class, PoliciesCommand.Remove.class})
final class PoliciesCommand {

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Print the rules in order.")
  static final class ListRules implements Callable<Integer> {
    @Mixin HomeOption home;

    @Override
    public Integer call() {
      ArrayNode rules = Json.array();
      new PolicyStore(home.resolve()).list().forEach(r -> rules.add(r.toJson()));
      Output.json(rules);
      return 0;
    }
  }

  @Command(name = "add", mixinStandardHelpOptions = true,
      description = "Append a rule (an existing PATTERN gets the new ACTION in place).")
  static final class Add implements Callable<Integer> {
    @Mixin HomeOption home;

    @Parameters(index = "0", paramLabel = "PATTERN")
    String pattern;

    @Parameters(index = "1", paramLabel = "ACTION", description = "approve, require_approval or block")
    String action;

    @Override
    public Integer call() {
      PolicyRule rule;
      try {
        rule = new PolicyRule(pattern, PolicyAction.fromWireName(action.toLowerCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        Output.error("invalid rule: " + e.getMessage());
        return 2;
      }
      PolicyStore store = new PolicyStore(home.resolve());
      store.add(rule);
      ArrayNode rules = Json.array();
      store.list().forEach(r -> rules.add(r.toJson()));
      Output.json(rules);
      return 0;
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove the rule with this pattern.")
  static final class Remove implements Callable<Integer> {
    @Mixin HomeOption home;

    @Parameters(paramLabel = "PATTERN")
    String pattern;

    @Override
    public Integer call() {
      PolicyStore store = new PolicyStore(home.resolve());
      boolean removed = store.remove(pattern);
      if (!removed) Output.error("no rule with pattern " + pattern);
      ArrayNode rules = Json.array();
      store.list().forEach(r -> rules.add(r.toJson()));
      Output.json(rules);
      return removed ? 0 : 1;
    }
  }
}
