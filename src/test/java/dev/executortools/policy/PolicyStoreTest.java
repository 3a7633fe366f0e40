package dev.executortools.policy;

import static dev.executortools.policy.PolicyAction.APPROVE;
import static dev.executortools.policy.PolicyAction.BLOCK;
import static dev.executortools.policy.PolicyAction.REQUIRE_APPROVAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.executortools.home.StoreException;
import dev.executortools.store.ChildJvm;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyStoreTest {
  @TempDir Path home;

  @Test
  void rulesAreListedInTheOrderTheyApplyAndReadByAnotherStoreOnTheSameHome() {
    PolicyStore store = new PolicyStore(home);
    store.add(new PolicyRule("*", REQUIRE_APPROVAL));
    store.add(new PolicyRule("github.*", APPROVE));
    store.add(new PolicyRule("github.repos.delete", BLOCK));

    assertThat(new PolicyStore(home).list())
        .containsExactly(
            new PolicyRule("github.repos.delete", BLOCK),
            new PolicyRule("github.*", APPROVE),
            new PolicyRule("*", REQUIRE_APPROVAL));
  }

  @Test
  void addingAnExistingPatternReplacesItsAction() {
    PolicyStore store = new PolicyStore(home);
    store.add(new PolicyRule("a.*", BLOCK));
    store.add(new PolicyRule("b.*", BLOCK));
    store.add(new PolicyRule("a.*", APPROVE));

    assertThat(store.list())
        .containsExactly(new PolicyRule("a.*", APPROVE), new PolicyRule("b.*", BLOCK));
  }

  @Test
  void removeDropsTheRuleOfAPatternAndSaysWhetherThereWasOne() {
    PolicyStore store = new PolicyStore(home);
    store.add(new PolicyRule("a.*", BLOCK));
    store.add(new PolicyRule("b.*", BLOCK));

    assertThat(store.remove("a.*")).isTrue();
    assertThat(store.remove("a.*")).isFalse();
    assertThat(new PolicyStore(home).list()).containsExactly(new PolicyRule("b.*", BLOCK));
  }

  @Test
  void theStoredRulesDecideCalls() {
    PolicyStore store = new PolicyStore(home);
    store.add(new PolicyRule("github.*", BLOCK));

    ApprovalPolicy policy = new PolicyStore(home).policy();
    assertThat(policy.decide(ApprovalPolicyTest.http("github.repos.get", "get"))).isEqualTo(BLOCK);
    assertThat(policy.decide(ApprovalPolicyTest.http("stripe.charges.create", "post")))
        .isEqualTo(REQUIRE_APPROVAL);
  }

  @Test
  void anInMemoryStoreBehavesTheSameAndWritesNothing() {
    PolicyStore store = PolicyStore.inMemory();
    store.add(new PolicyRule("a.*", BLOCK));
    store.add(new PolicyRule("*", APPROVE));
    store.add(new PolicyRule("a.*", REQUIRE_APPROVAL));

    assertThat(store.list())
        .containsExactly(new PolicyRule("a.*", REQUIRE_APPROVAL), new PolicyRule("*", APPROVE));
    assertThat(Files.exists(home.resolve(PolicyStore.FILE_NAME))).isFalse();
    assertThat(store.remove("*")).isTrue();
    assertThat(store.list()).containsExactly(new PolicyRule("a.*", REQUIRE_APPROVAL));
  }

  @Test
  void aFirstMatchFileIsMigratedKeepingEveryDecisionItMade() throws Exception {
    Path file = home.resolve(PolicyStore.FILE_NAME);
    Files.writeString(
        file,
        """
        {"formatVersion":1,"rules":[
          {"pattern":"github.*","action":"require_approval"},
          {"pattern":"github.repos.delete","action":"block"},
          {"pattern":"stripe.charges.create","action":"block"},
          {"pattern":"stripe.charges.create","action":"approve"},
          {"pattern":"*","action":"approve"},
          {"pattern":"stripe.*","action":"block"}]}""");

    List<PolicyRule> rules = new PolicyStore(home).list();

    // github.repos.delete never blocked (github.* matched first), the second stripe.charges.create
    // never decided (the first one did), and stripe.* came after *: all three are dropped.
    assertThat(rules)
        .containsExactly(
            new PolicyRule("stripe.charges.create", BLOCK),
            new PolicyRule("github.*", REQUIRE_APPROVAL),
            new PolicyRule("*", APPROVE));
    assertThat(Files.readString(file))
        .as("rewritten in the new format")
        .contains("\"formatVersion\":2")
        .doesNotContain("github.repos.delete");
    assertThat(new PolicyStore(home).list()).isEqualTo(rules);
  }

  @Test
  void aNewFormatFileWithOnePatternTwiceIsDamaged() throws Exception {
    Files.writeString(
        home.resolve(PolicyStore.FILE_NAME),
        """
        {"formatVersion":2,"rules":[{"pattern":"a.*","action":"block"},{"pattern":"a.*","action":"approve"}]}""");

    assertThatThrownBy(() -> new PolicyStore(home).list())
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("pattern \"a.*\" appears twice");
  }

  @Test
  void aMissingHomeHasNoRules() {
    assertThat(new PolicyStore(home.resolve("none")).list()).isEmpty();
    assertThat(new PolicyStore(home.resolve("none")).policy().rules()).isEmpty();
  }

  @Test
  void thePoliciesFileIsOwnerReadWriteOnly() throws Exception {
    assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
    new PolicyStore(home).add(new PolicyRule("*", APPROVE));

    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(home.resolve(PolicyStore.FILE_NAME))))
        .isEqualTo("rw-------");
  }

  @Test
  void aDamagedPoliciesFileIsReportedAndLeftInPlace() throws Exception {
    Path file = home.resolve(PolicyStore.FILE_NAME);
    Files.writeString(
        file, "{\"formatVersion\":1,\"rules\":[{\"pattern\":\"*\",\"action\":\"allow\"}]}");
    PolicyStore store = new PolicyStore(home);

    assertThatThrownBy(store::list)
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("policies.json is damaged: rule #1: unknown policy action \"allow\"");
    assertThatThrownBy(() -> store.add(new PolicyRule("*", BLOCK)))
        .isInstanceOf(StoreException.class);
    assertThat(Files.readString(file)).contains("allow");
  }

  @Test
  void twoProcessesAddingRulesAtTheSameTimeBothKeepTheirs() throws Exception {
    List<Process> children = new ArrayList<>();
    for (String prefix : List.of("a", "b")) {
      children.add(
          ChildJvm.start(
              PolicyChildMain.class, home.resolve(prefix + ".log"), home.toString(), prefix, "20"));
    }
    try {
      for (Process child : children) assertThat(ChildJvm.awaitLine(child, "ready")).isTrue();
      Files.createFile(home.resolve(ChildJvm.GO_FILE));
      for (Process child : children) {
        assertThat(ChildJvm.awaitLine(child, "done")).as("child log in %s", home).isTrue();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
      }
    } finally {
      children.forEach(Process::destroyForcibly);
    }

    List<String> patterns = new PolicyStore(home).list().stream().map(PolicyRule::pattern).toList();
    assertThat(patterns).hasSize(40).contains("a0.*", "a19.*", "b0.*", "b19.*");
  }
}
