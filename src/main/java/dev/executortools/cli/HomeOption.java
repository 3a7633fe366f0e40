package dev.executortools.cli;

import dev.executortools.ApprovalHandler;
import dev.executortools.ToolRegistry;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --home DIR}, else {@code EXECUTOR_TOOLS_HOME}, else {@code ~/.executor-tools}. */
final class HomeOption {
  @Option(names = "--home", paramLabel = "DIR", description = "Directory of all state (default: $EXECUTOR_TOOLS_HOME or ~/.executor-tools).")
  Path home;

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  Path resolve() {
    if (home != null) return home;
    if (mixee != null && mixee.root().userObject() instanceof Main main && main.home.home != null) {
      return main.home.home;
    }
    String env = System.getenv("EXECUTOR_TOOLS_HOME");
    if (env != null && !env.isBlank()) return Path.of(env);
    return Path.of(System.getProperty("user.home"), ".executor-tools");
  }

  ToolRegistry open(ApprovalHandler approvals) {
    return ToolRegistry.builder().home(resolve()).approvals(approvals).build();
  }
}
