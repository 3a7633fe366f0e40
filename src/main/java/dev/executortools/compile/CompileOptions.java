package dev.executortools.compile;

import java.util.Objects;
import java.util.Set;

/**
 * How one source's operations become tools.
 *
 * @param sourceId the source the tools belong to
 * @param idPrefix what precedes each tool path in the id: {@code "<namespace>."} for added sources,
 *     empty for the bundled SSO-OIDC source
 * @param hiddenParamKeys parameters ({@code in:name}) left out of schemas and requests, such as
 *     the SigV4 headers of operations that AWS serves unsigned
 */
public record CompileOptions(String sourceId, String idPrefix, Set<String> hiddenParamKeys) {

  public CompileOptions {
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(idPrefix, "idPrefix");
    hiddenParamKeys = Set.copyOf(hiddenParamKeys);
  }

  /** Options of an added source: ids are {@code namespace.group.leaf}. */
  public static CompileOptions forNamespace(String namespace) {
    return new CompileOptions(namespace, namespace + ".", Set.of());
  }
}
