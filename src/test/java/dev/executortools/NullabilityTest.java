package dev.executortools;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The public API states its nullability: the root package is {@code @NullMarked}, and exactly the
 * record components that may be null are {@code @Nullable} (a null where none is allowed fails at
 * construction).
 */
class NullabilityTest {
  private static final Map<Class<?>, List<String>> MAY_BE_NULL =
      Map.of(
          ToolResult.class, List.of("data", "http", "error"),
          ToolError.class, List.of("status", "details", "retryable"),
          Tool.class, List.of("outputSchema", "summary"),
          ToolAnnotations.class, List.of("method", "pathTemplate"),
          ApprovalRequest.class, List.of("destination", "method", "path"),
          StoreProblem.class, List.of("file"),
          CredentialValue.SecretRef.class, List.of("prefix"));

  @Test
  void theRootPackageIsNullMarked() {
    assertThat(ToolRegistry.class.getPackage().isAnnotationPresent(NullMarked.class)).isTrue();
  }

  @Test
  void exactlyTheComponentsThatMayBeNullAreMarked() {
    MAY_BE_NULL.forEach(
        (type, nullable) -> {
          List<String> marked =
              Arrays.stream(type.getRecordComponents())
                  .filter(c -> c.getAnnotatedType().isAnnotationPresent(Nullable.class))
                  .map(RecordComponent::getName)
                  .toList();
          assertThat(marked).as(type.getSimpleName()).containsExactlyInAnyOrderElementsOf(nullable);
        });
  }

  @Test
  void aNullWhereNoneIsAllowedFailsAtConstruction() {
    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(
                () -> new ToolResult(false, null, null, null)))
        .isInstanceOf(NullPointerException.class);
    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(
                () -> ApprovalRequest.of(null, dev.executortools.internal.Json.object())))
        .isInstanceOf(NullPointerException.class);
  }
}
