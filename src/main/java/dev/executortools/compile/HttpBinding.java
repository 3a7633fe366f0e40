package dev.executortools.compile;

import dev.executortools.extract.RequestBodySpec;
import dev.executortools.extract.SecurityRequirement;
import dev.executortools.extract.ServerSpec;
import java.util.List;

/**
 * How a compiled tool's arguments become an HTTP request: everything the bind stage needs, kept
 * with the tool (and stored with it) so a call never re-reads the spec.
 *
 * @param requestBody null when the operation takes none; its value is in the {@code body} property
 *     and the chosen media type in {@code contentType}
 * @param security the operation's security requirement (its own, else the document's), or null when
 *     neither states one
 */
public record HttpBinding(
    String method,
    String pathTemplate,
    List<ParamBinding> params,
    RequestBodySpec requestBody,
    List<ServerSpec> servers,
    SecurityRequirement security) {

  public HttpBinding {
    params = List.copyOf(params);
    servers = List.copyOf(servers);
  }

  /** A binding whose operation states no security requirement. */
  public HttpBinding(
      String method,
      String pathTemplate,
      List<ParamBinding> params,
      RequestBodySpec requestBody,
      List<ServerSpec> servers) {
    this(method, pathTemplate, params, requestBody, servers, null);
  }
}
