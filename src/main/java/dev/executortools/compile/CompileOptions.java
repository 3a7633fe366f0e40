package dev.executortools.compile;

import dev.executortools.extract.ServerSpec;
import java.util.List;
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
 * @param servers servers that replace the spec's for every operation (a source whose endpoint
 *     rules the spec gets wrong); empty keeps the spec's
 */
public record CompileOptions(
    String sourceId, String idPrefix, Set<String> hiddenParamKeys, List<ServerSpec> servers) {

  public CompileOptions {
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(idPrefix, "idPrefix");
    hiddenParamKeys = Set.copyOf(hiddenParamKeys);
    servers = List.copyOf(servers);
  }

  public CompileOptions(String sourceId, String idPrefix, Set<String> hiddenParamKeys) {
    this(sourceId, idPrefix, hiddenParamKeys, List.of());
  }

  /** Options of an added source: ids are {@code namespace.group.leaf}. */
  public static CompileOptions forNamespace(String namespace) {
    return new CompileOptions(namespace, namespace + ".", Set.of());
  }
}
