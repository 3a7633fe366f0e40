package dev.executortools.cli;

import dev.executortools.ApprovalHandler;
import dev.executortools.HttpSettings;
import dev.executortools.ToolRegistry;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options every command shares: {@code --home DIR} (else {@code EXECUTOR_TOOLS_HOME}, else
 * {@code ~/.executor-tools}) and {@code --allow-private-network}; both given before or after the
 * command name.
 */
final class HomeOption {
  @Option(
      names = "--home",
      paramLabel = "DIR",
      description = "Directory of all state (default: $EXECUTOR_TOOLS_HOME or ~/.executor-tools).")
  Path home;

  @Option(
      names = "--allow-private-network",
      description =
          "Let URLs a model chooses (spec URLs, a per-call server) reach loopback and private addresses (default: $EXECUTOR_TOOLS_ALLOW_PRIVATE_NETWORK, or allowPrivateNetwork in the home's settings.json). Link-local and metadata addresses stay refused.")
  boolean allowPrivateNetwork;

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  Path resolve() {
    if (home != null) return home;
    if (mixee != null && mixee.root().userObject() instanceof Main main && main.home.home != null) {
      return main.home.home;
    }
    String env = environment().get("EXECUTOR_TOOLS_HOME");
    if (env != null && !env.isBlank()) return Path.of(env);
    return Path.of(System.getProperty("user.home"), ".executor-tools");
  }

  /** The environment the command line sees (the process's, or a test's). */
  Map<String, String> environment() {
    return Main.environmentOf(mixee);
  }

  ToolRegistry open(ApprovalHandler approvals) {
    return open(approvals, HttpSettings.defaults());
  }

  /** As {@link #open(ApprovalHandler)}, every AWS source signing with {@code awsProfile}. */
  ToolRegistry open(ApprovalHandler approvals, String awsProfile) {
    return builder(approvals, HttpSettings.defaults()).awsProfile(awsProfile).build();
  }

  /**
   * As {@link #open(ApprovalHandler)}, with {@code http}'s limits (the MCP server's response cap).
   */
  ToolRegistry open(ApprovalHandler approvals, HttpSettings http) {
    return builder(approvals, http).build();
  }

  private ToolRegistry.Builder builder(ApprovalHandler approvals, HttpSettings http) {
    ToolRegistry.Builder builder =
        ToolRegistry.builder()
            .home(resolve())
            .approvals(approvals)
            .environment(environment())
            .httpSettings(http);
    boolean global =
        mixee != null
            && mixee.root().userObject() instanceof Main main
            && main.home.allowPrivateNetwork;
    if (allowPrivateNetwork || global) builder.allowPrivateNetwork(true);
    return builder;
  }
}
