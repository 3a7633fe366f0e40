package dev.executortools.awsapi;

import dev.executortools.compile.HttpBinding;
import dev.executortools.compile.ParamBinding;
import dev.executortools.extract.ServerSpec;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * An operation of an AWS API as the APIs.guru directory's AWS specs express it: the service (the
 * endpoint prefix of the spec's servers, {@code dynamodb.{region}.amazonaws.com}), and the protocol
 * its path says: {@code /#Action=X} is the query protocol (EC2's included), {@code
 * /#X-Amz-Target=X} the JSON protocol, anything else REST (JSON or XML).
 *
 * @param service the SigV4 signing name
 * @param target the {@code Action} or {@code X-Amz-Target}; null for REST
 * @param pathFragment what follows {@code #} in the path template (the directory's way of telling
 *     operations of one path apart; never sent), or null
 */
public record AwsApi(String service, Protocol protocol, String target, String pathFragment) {

  /** How requests carry their input. */
  public enum Protocol {
    QUERY,
    JSON,
    REST
  }

  /** Services of the JSON protocol that take {@code application/x-amz-json-1.0} (botocore). */
  private static final Set<String> JSON_1_0 = Set.of("dynamodb", "swf", "states", "streams");

  /**
   * The seven SigV4 parameters every directory spec declares, and the session-token header of its
   * S3 spec: the signer's, not the model's.
   */
  public static final Set<String> SIGNER_PARAM_KEYS =
      Set.of(
          "header:x-amz-security-token",
          "header:X-Amz-Content-Sha256",
          "header:X-Amz-Date",
          "header:X-Amz-Algorithm",
          "header:X-Amz-Credential",
          "header:X-Amz-Security-Token",
          "header:X-Amz-Signature",
          "header:X-Amz-SignedHeaders");

  /** The operation's AWS API, or empty when its servers are not AWS's. */
  public static Optional<AwsApi> of(HttpBinding binding) {
    for (ServerSpec server : binding.servers()) {
      String service = service(server.url());
      if (service != null) return Optional.of(of(service, binding.pathTemplate()));
    }
    return Optional.empty();
  }

  static AwsApi of(String service, String pathTemplate) {
    int hash = pathTemplate.indexOf('#');
    String fragment = hash < 0 ? "" : pathTemplate.substring(hash + 1);
    String kept = hash < 0 ? null : fragment;
    if (fragment.startsWith("Action=")) {
      return new AwsApi(service, Protocol.QUERY, value(fragment), kept);
    }
    if (fragment.startsWith("X-Amz-Target=")) {
      return new AwsApi(service, Protocol.JSON, value(fragment), kept);
    }
    return new AwsApi(service, Protocol.REST, null, kept);
  }

  private static String value(String fragment) {
    String value = fragment.substring(fragment.indexOf('=') + 1);
    int amp = value.indexOf('&');
    return amp < 0 ? value : value.substring(0, amp);
  }

  /**
   * The SigV4 service name an AWS spec gives when it differs from its endpoint prefix: {@code
   * info.x-aws-signingName} (238 of the directory's 354 AWS specs carry it, e.g. {@code ses} for
   * the {@code email} endpoint, {@code sagemaker} for {@code api.sagemaker}); null otherwise, and
   * the endpoint prefix signs, as botocore's {@code signingName} defaults to its {@code
   * endpointPrefix}. {@code info.x-serviceName} is not the signing name: {@code eventbridge} signs
   * as {@code events}, {@code opensearch} as {@code es}.
   */
  public static String signingName(JsonNode root) {
    if (!isAwsSpec(root)) return null;
    String name = root.path("info").path("x-aws-signingName").asString("").strip();
    return name.isEmpty() ? null : name;
  }

  /** Whether a spec document is one of AWS's: a server on {@code amazonaws.com}. */
  public static boolean isAwsSpec(JsonNode root) {
    for (JsonNode server : root.path("servers")) {
      if (service(server.path("url").asString("")) != null) return true;
    }
    return false;
  }

  /**
   * The endpoint prefix of an AWS server URL ({@code s3{dash-or-dot}{region}...} → s3), or null.
   */
  static String service(String url) {
    int scheme = url.indexOf("://");
    if (scheme < 0) return null;
    String rest = url.substring(scheme + 3);
    int slash = rest.indexOf('/');
    String host = (slash < 0 ? rest : rest.substring(0, slash)).toLowerCase(Locale.ROOT);
    if (!host.endsWith(".amazonaws.com") && !host.endsWith(".amazonaws.com.cn")) return null;
    int end = 0;
    while (end < host.length() && host.charAt(end) != '.' && host.charAt(end) != '{') end++;
    return end == 0 ? null : host.substring(0, end);
  }

  /** The media type of JSON-protocol bodies. */
  public String jsonContentType() {
    return "application/x-amz-json-" + (JSON_1_0.contains(service) ? "1.0" : "1.1");
  }

  /**
   * The parameters with one possible value that the operation requires ({@code Action}, {@code
   * Version}, {@code X-Amz-Target}, and S3's subresources such as {@code tagging}: {@code true}),
   * by input property: filled in, never asked of a model.
   */
  public static Map<String, JsonNode> fixedParams(HttpBinding binding) {
    Map<String, JsonNode> fixed = new LinkedHashMap<>();
    for (ParamBinding param : binding.params()) {
      JsonNode schema = param.param().schema();
      if (param.param().required()
          && schema != null
          && schema.path("enum").isArray()
          && schema.path("enum").size() == 1
          && (schema.path("enum").get(0).isString() || schema.path("enum").get(0).isBoolean())) {
        fixed.put(param.property(), schema.path("enum").get(0));
      }
    }
    return fixed;
  }

  /**
   * The query keys the operation's path names with no value (S3's {@code ?tagging}, {@code
   * ?delete}): in the directory, required query parameters whose one value is {@code true}.
   */
  public static Set<String> subresources(HttpBinding binding) {
    Set<String> keys = new java.util.LinkedHashSet<>();
    for (ParamBinding param : binding.params()) {
      JsonNode values = param.param().schema() == null ? null : param.param().schema().path("enum");
      if (param.param().location().equals("query")
          && param.param().required()
          && values != null
          && values.size() == 1
          && values.get(0).isBoolean()
          && values.get(0).booleanValue()) {
        keys.add(param.param().name());
      }
    }
    return keys;
  }
}
