package dev.executortools.bind;

import dev.executortools.ToolError;

/**
 * The outcome of binding one call: a request to send, or the error that stopped it (nothing is sent
 * then). Exactly one of the two is non-null.
 */
public record BoundRequest(HttpRequestSpec request, ToolError error) {

  public BoundRequest {
    if ((request == null) == (error == null)) {
      throw new IllegalArgumentException("exactly one of request and error must be set");
    }
  }

  public static BoundRequest ok(HttpRequestSpec request) {
    return new BoundRequest(request, null);
  }

  public static BoundRequest failed(ToolError error) {
    return new BoundRequest(null, error);
  }

  public boolean isOk() {
    return request != null;
  }
}
