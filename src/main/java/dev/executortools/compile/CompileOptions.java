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
 * @param hiddenParamKeys parameters ({@code in:name}) left out of schemas and requests, such as the
 *     SigV4 headers of operations that AWS serves unsigned
 * @param servers servers that replace the spec's for every operation (a source whose endpoint rules
 *     the spec gets wrong); empty keeps the spec's
 * @param baseUrl where the source's calls go instead of the servers, as schemas should say; or null
 */
public record CompileOptions(
    String sourceId,
    String idPrefix,
    Set<String> hiddenParamKeys,
    List<ServerSpec> servers,
    String baseUrl) {

  public CompileOptions {
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(idPrefix, "idPrefix");
    hiddenParamKeys = Set.copyOf(hiddenParamKeys);
    servers = List.copyOf(servers);
  }

  public CompileOptions(
      String sourceId, String idPrefix, Set<String> hiddenParamKeys, List<ServerSpec> servers) {
    this(sourceId, idPrefix, hiddenParamKeys, servers, null);
  }

  public CompileOptions(String sourceId, String idPrefix, Set<String> hiddenParamKeys) {
    this(sourceId, idPrefix, hiddenParamKeys, List.of());
  }

  /** Options of an added source: ids are {@code namespace.group.leaf}. */
  public static CompileOptions forNamespace(String namespace) {
    return forSource(namespace, null);
  }

  /** Options of an added source whose calls go to {@code baseUrl} (null: the spec's servers). */
  public static CompileOptions forSource(String namespace, String baseUrl) {
    return new CompileOptions(namespace, namespace + ".", Set.of(), List.of(), baseUrl);
  }
}
