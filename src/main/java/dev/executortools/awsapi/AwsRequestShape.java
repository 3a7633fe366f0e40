package dev.executortools.awsapi;

import dev.executortools.bind.HttpRequestSpec;
import dev.executortools.bind.HttpRequestSpec.HttpHeader;
import dev.executortools.compile.HttpBinding;
import dev.executortools.compile.ParamBinding;
import dev.executortools.extract.MediaTypeSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import tools.jackson.databind.JsonNode;

/**
 * A bound request of an AWS operation as AWS takes it: without the template's {@code #...} (bound
 * as {@code %23...}); on AWS's own hosts over https and in the chosen region; query-protocol POSTs
 * with {@code Action}, {@code Version} and the input in a form body ({@code
 * application/x-www-form-urlencoded; charset=utf-8}, as the SDKs send it: {@link QueryForm});
 * JSON-protocol bodies as {@code application/x-amz-json-1.x} ({@code {}} when there is none);
 * REST-XML bodies built by {@link RestXmlBody}; S3's buckets addressed by {@link S3Addressing}.
 */
public final class AwsRequestShape {
  private static final Pattern REGIONAL_HOST =
      Pattern.compile(
          "^(.+?)([.-])([a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\\d)(\\.amazonaws\\.com(?:\\.cn)?)$");
  private static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";

  private AwsRequestShape() {}

  /**
   * @param region the region to call, or null to keep the URL's
   * @param args the call's arguments (their {@code body} is a query operation's input)
   * @param binding the tool's binding: its path template and its body's {@link AwsWireShapes wire
   *     shape}
   * @param inputSchema the tool's input schema (the shape of a body with no wire shape)
   */
  public static HttpRequestSpec shape(
      HttpRequestSpec request,
      AwsApi api,
      String region,
      JsonNode args,
      HttpBinding binding,
      JsonNode inputSchema) {
    HttpUrl url = HttpUrl.parse(request.url());
    if (url == null) return request;
    HttpUrl.Builder target = url.newBuilder().fragment(null);
    if (api.pathFragment() != null) {
      String path = url.encodedPath();
      int hash = path.lastIndexOf("%23");
      if (hash >= 0) target.encodedPath(hash == 0 ? "/" : path.substring(0, hash));
    }
    if (isAwsHost(url.host())) {
      target.scheme("https");
      if (url.port() == 80) target.port(443);
      Matcher regional = REGIONAL_HOST.matcher(url.host());
      if (region != null && regional.matches()) {
        target.host(regional.group(1) + regional.group(2) + region + regional.group(4));
      }
    }
    if (api.protocol() == AwsApi.Protocol.REST && !api.service().equals("s3")) {
      // the SDK sends a REST path without the model's trailing slash (Lambda's
      // /2015-03-31/functions/ as /2015-03-31/functions); S3's keys keep theirs
      String path = target.build().encodedPath();
      if (path.length() > 1 && path.endsWith("/")) {
        target.encodedPath(path.substring(0, path.length() - 1));
      }
    }
    if (api.service().equals("s3")) {
      target =
          S3Addressing.address(
              target.build(),
              target.build().newBuilder(),
              binding.pathTemplate().startsWith("/{Bucket}"));
    }
    List<HttpHeader> headers = new ArrayList<>(request.headers());
    byte[] body = request.body();
    String contentType = request.contentType();
    JsonNode wire = wireShape(binding);
    JsonNode bodySchema = wire != null ? wire : inputSchema.path("properties").path("body");
    JsonNode root = wire != null ? wire : inputSchema;
    switch (api.protocol()) {
      case QUERY -> {
        if (request.method().equalsIgnoreCase("GET")) {
          target.encodedQuery(getQuery(url, binding, args, api.service().equals("ec2")));
        } else {
          StringBuilder form = new StringBuilder(url.encodedQuery() == null ? "" : formQuery(url));
          JsonNode input = args.path("body");
          if (input.isObject() && !input.isEmpty()) {
            if (form.length() > 0) form.append('&');
            form.append(QueryForm.encode(input, bodySchema, root, api.service().equals("ec2")));
          }
          target.query(null);
          body = form.toString().getBytes(StandardCharsets.UTF_8);
          contentType = FORM;
        }
      }
      case JSON -> {
        contentType = api.jsonContentType();
        if (body == null) body = "{}".getBytes(StandardCharsets.UTF_8);
      }
      case REST -> {
        for (String key : AwsApi.subresources(binding)) {
          // ?tagging, as the SDK sends it, not the binder's tagging=true
          target.removeAllQueryParameters(key).addQueryParameter(key, null);
        }
        JsonNode input = args.path("body");
        if (api.service().equals("s3")) {
          String callRegion = regionOf(target.build().host());
          input = S3BucketRegion.located(input, binding, callRegion != null ? callRegion : region);
        }
        if (wire != null && isXml(contentType) && input.isObject()) {
          RestXmlBody.Payload payload = RestXmlBody.encode(input, root);
          body = payload.body();
          contentType = payload.contentType();
          headers.addAll(payload.headers());
        }
        if (api.service().equals("s3")) headers = S3Checksums.withChecksum(headers, body, binding);
      }
    }
    return new HttpRequestSpec(
        request.method(), target.build().toString(), headers, body, contentType);
  }

  /**
   * The query of a query-protocol GET (the directory's GET variants): what the binder bound, then
   * each structured parameter (which it left out: {@link AwsWireShapes#shapedParams}) as the SDKs
   * put it in a form ({@code Filter.1.Name}, {@code AttributeName.1}).
   */
  private static String getQuery(HttpUrl url, HttpBinding binding, JsonNode args, boolean ec2) {
    List<String> pairs = new ArrayList<>();
    if (url.encodedQuery() != null) pairs.add(formQuery(url));
    for (ParamBinding param : binding.params()) {
      JsonNode schema = param.param().schema();
      JsonNode value = args.get(param.property());
      if (AwsWireShapes.isWireShape(schema) && value != null && !value.isNull()) {
        pairs.addAll(QueryForm.pairs(param.param().name(), value, schema, schema, ec2));
      }
    }
    return pairs.isEmpty() ? null : String.join("&", pairs);
  }

  /** The body's wire shape ({@link AwsWireShapes}), or null for a tool compiled without one. */
  private static JsonNode wireShape(HttpBinding binding) {
    if (binding.requestBody() == null) return null;
    for (MediaTypeSpec type : binding.requestBody().mediaTypes()) {
      JsonNode schema = type.schema();
      if (AwsWireShapes.isWireShape(schema)) return schema;
    }
    return null;
  }

  private static boolean isXml(String contentType) {
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    return type.startsWith("text/xml") || type.startsWith("application/xml");
  }

  /** The URL's query as the SDKs encode forms: RFC 3986, a space as {@code %20}. */
  private static String formQuery(HttpUrl url) {
    List<String> pairs = new ArrayList<>();
    for (int i = 0; i < url.querySize(); i++) {
      String value = url.queryParameterValue(i);
      pairs.add(
          SigV4Signer.encode(url.queryParameterName(i), false)
              + "="
              + (value == null ? "" : SigV4Signer.encode(value, false)));
    }
    return String.join("&", pairs);
  }

  /** Whether {@code host} is one of AWS's ({@code *.amazonaws.com}, {@code *.amazonaws.com.cn}). */
  public static boolean isAwsHost(String host) {
    String lower = host.toLowerCase(Locale.ROOT);
    return lower.endsWith(".amazonaws.com") || lower.endsWith(".amazonaws.com.cn");
  }

  /** The region of an AWS host ({@code dynamodb.eu-west-1.amazonaws.com}), or null. */
  public static String regionOf(String host) {
    Matcher regional = REGIONAL_HOST.matcher(host.toLowerCase(Locale.ROOT));
    return regional.matches() ? regional.group(3) : null;
  }
}
