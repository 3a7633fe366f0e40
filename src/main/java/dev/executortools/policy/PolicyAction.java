package dev.executortools.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What happens when a tool is called: run it, ask first, or refuse. */
public enum PolicyAction {
  APPROVE,
  REQUIRE_APPROVAL,
  BLOCK;

  /**
   * The name on the wire and the command line: {@code approve}, {@code require_approval}, {@code
   * block}.
   */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The action of a wire name.
   *
   * @throws IllegalArgumentException listing the valid names
   */
  public static PolicyAction fromWireName(String wireName) {
    for (PolicyAction action : values()) {
      if (action.wireName().equals(wireName)) return action;
    }
    throw new IllegalArgumentException(
        "unknown policy action \""
            + wireName
            + "\"; use one of "
            + Arrays.stream(values())
                .map(PolicyAction::wireName)
                .collect(Collectors.joining(", ")));
  }
}
