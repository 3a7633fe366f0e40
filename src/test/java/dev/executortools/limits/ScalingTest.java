package dev.executortools.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.ApprovalHandler;
import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import dev.executortools.internal.Json;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shapes that took quadratic time, at 1×, 4× and 16× their base size: each 4× step may cost at
 * most 12× the one before and 16× at most 64× the base (linear is 4× and 16×, quadratic 16× and
 * 256×; the rest is room for caches, JIT and GC). Time is this thread's CPU time, the least of
 * three runs, so other processes on the machine count little.
 */
class ScalingTest {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** A 4× step: linear is 4, quadratic 16; the rest is room for caches, JIT and GC. */
  private static final double STEP = 12;

  /** 1× to 16×: linear is 16, quadratic 256. */
  private static final double OVERALL = 64;

  static Stream<Arguments> shapes() {
    return Stream.of(
        Arguments.of(
            "allOf chain (schemas)",
            "openapi.addSource",
            500,
            (IntFunction<String>) Shapes::allOfChain),
        Arguments.of(
            "YAML word without spaces (chars)",
            "openapi.previewSpec",
            256 * 1024,
            (IntFunction<String>) ScalingTest::longWord),
        Arguments.of(
            "YAML string with spaces (chars)",
            "openapi.previewSpec",
            256 * 1024,
            (IntFunction<String>) Shapes::longYamlString),
        Arguments.of(
            "required names (names)",
            "openapi.previewSpec",
            500,
            (IntFunction<String>) Shapes::requiredList));
  }

  static String longWord(int chars) {
    return "openapi: 3.0.0\ninfo: {title: W, version: '1'}\npaths: {}\nx-w: "
        + "w".repeat(chars)
        + "\n";
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  @Timeout(120)
  void timeGrowsLinearlyWithSize(
      String shape, String tool, int base, IntFunction<String> document) {
    try (ToolRegistry registry =
        ToolRegistry.builder().approvals(ApprovalHandler.APPROVE_ALL).build()) {
      run(registry, tool, document.apply(base)); // warm-up
      // Below a millisecond the ratio is noise; the floor keeps it meaningful.
      long first = Math.max(cpuNanos(registry, tool, document.apply(base)), 1_000_000L);
      long previous = first;
      for (int factor : new int[] {4, 16}) {
        long current = cpuNanos(registry, tool, document.apply(base * factor));
        double ratio = (double) current / previous;
        assertThat(ratio)
            .as("%s: %,d ns at %d×, after %,d ns", shape, current, factor, previous)
            .isLessThanOrEqualTo(STEP);
        previous = Math.max(current, 1_000_000L);
      }
      assertThat((double) previous / first)
          .as("%s: %,d ns at 16×, %,d ns at 1×", shape, previous, first)
          .isLessThanOrEqualTo(OVERALL);
    }
  }

  private static long cpuNanos(ToolRegistry registry, String tool, String document) {
    long best = Long.MAX_VALUE;
    for (int run = 0; run < 3; run++) {
      long start = THREADS.getCurrentThreadCpuTime();
      run(registry, tool, document);
      best = Math.min(best, THREADS.getCurrentThreadCpuTime() - start);
    }
    return best;
  }

  private static void run(ToolRegistry registry, String tool, String document) {
    var args = Json.object().put("spec", document);
    if (tool.equals("openapi.addSource")) args.put("namespace", "scaled").put("replace", true);
    ToolResult result = registry.call(tool, args);
    assertThat(result.ok()).as("%s", result).isTrue();
  }
}
