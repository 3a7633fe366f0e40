package dev.executortools;

import dev.executortools.internal.Json;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.node.ObjectNode;

/** The {@code http} part of a result: upstream status and (lower-cased) response headers. */
public record HttpInfo(int status, Map<String, String> headers) {

  public HttpInfo {
    headers = Map.copyOf(headers);
  }

  public ObjectNode toJson() {
    ObjectNode json = Json.object();
    json.put("status", status);
    ObjectNode headerJson = json.putObject("headers");
    new TreeMap<>(headers).forEach(headerJson::put);
    return json;
  }
}
