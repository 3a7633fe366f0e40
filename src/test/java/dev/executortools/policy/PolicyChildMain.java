package dev.executortools.policy;

import dev.executortools.store.ChildJvm;
import java.nio.file.Path;

/**
 * A second process adding policy rules: {@code HOME PREFIX COUNT}, after {@code HOME/go} appears.
 */
public final class PolicyChildMain {
  private PolicyChildMain() {}

  public static void main(String[] args) throws Exception {
    Path home = Path.of(args[0]);
    PolicyStore store = new PolicyStore(home);
    System.out.println("ready");
    System.out.flush();
    ChildJvm.awaitGo(home);
    for (int i = 0; i < Integer.parseInt(args[2]); i++)
      store.add(new PolicyRule(args[1] + i + ".*", PolicyAction.BLOCK));
    System.out.println("done");
  }
}
