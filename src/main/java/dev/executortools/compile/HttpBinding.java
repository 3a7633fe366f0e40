package dev.executortools.compile;

import dev.executortools.extract.RequestBodySpec;
import dev.executortools.extract.ServerSpec;
import java.util.List;

/**
 * How a compiled tool's arguments become an HTTP request: everything the bind stage needs, kept
 * with the tool (and stored with it) so a call never re-reads the spec.
 *
 * @param requestBody null when the operation takes none; its value is in the {@code body} property
 *     and the chosen media type in {@code contentType}
 */
public record HttpBinding(
    String method,
    String pathTemplate,
    List<ParamBinding> params,
    RequestBodySpec requestBody,
    List<ServerSpec> servers) {

  public HttpBinding {
    params = List.copyOf(params);
    servers = List.copyOf(servers);
  }
}
