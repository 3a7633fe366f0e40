package dev.executortools.registry;

import dev.executortools.CredentialValue;
import dev.executortools.auth.SourceAuth;
import dev.executortools.bind.ServerResolver;
import dev.executortools.result.ErrorModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What calls of one source share: where requests go, the credentials added to each (unresolved:
 * literal values or secret references, looked up on every call), and how upstream errors read.
 *
 * @param trustedOrigins origins the user listed for the source's credentials (see {@link
 *     TrustedOrigins})
 * @param awsProfile the AWS profile the source's calls sign with, or null (see {@link AwsCalls})
 * @param awsSigningName the SigV4 service name of the source's spec, or null (its endpoint prefix)
 */
record SourceRuntime(
    String id,
    String baseUrl,
    List<String> trustedOrigins,
    Map<String, CredentialValue> headers,
    Map<String, CredentialValue> queryParams,
    ServerResolver serverResolver,
    ErrorModel errorModel,
    SourceAuth auth,
    String awsProfile,
    String awsSigningName) {

  /** Whether the source adds headers, query parameters or sign-in credentials of its own. */
  boolean hasCredentials() {
    return !headers.isEmpty() || !queryParams.isEmpty() || !auth.isEmpty();
  }

  /** The credentials the source sends, by place and name ({@code header Authorization}). */
  List<String> credentialNames() {
    List<String> names =
        new ArrayList<>(CredentialValue.names(headers.keySet(), queryParams.keySet(), ""));
    names.addAll(auth.credentialNames());
    return names;
  }

  /** The names of the stored secrets the source sends, each once, headers first. */
  List<String> secretIds() {
    List<String> ids = new ArrayList<>();
    for (Map<String, CredentialValue> map : List.of(headers, queryParams)) {
      map.values()
          .forEach(
              value -> {
                if (value instanceof CredentialValue.SecretRef ref
                    && !ids.contains(ref.secretId())) {
                  ids.add(ref.secretId());
                }
              });
    }
    auth.secretIds()
        .forEach(
            id -> {
              if (!ids.contains(id)) ids.add(id);
            });
    return ids;
  }
}
