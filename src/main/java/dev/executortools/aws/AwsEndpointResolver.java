package dev.executortools.aws;

import dev.executortools.bind.ServerResolver;
import dev.executortools.extract.ServerSpec;
import dev.executortools.internal.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The SSO-OIDC endpoint rule, as the AWS SDKs apply it. The first that is set wins:
 *
 * <ol>
 *   <li>the call's {@code server.url} ({@code {region}} and other {@code {variables}} in it filled
 *       from {@code server.variables}, {@code region} falling back as below);
 *   <li>the source's configured base URL (an explicit override in configuration, like an SDK
 *       client's {@code endpointOverride});
 *   <li>{@code AWS_ENDPOINT_URL_SSO_OIDC}, then {@code AWS_ENDPOINT_URL};
 *   <li>{@code https://oidc.<region>.amazonaws.com} ({@code .amazonaws.com.cn} for {@code cn-*}),
 *       region from the call's {@code server.variables.region}, else {@code AWS_REGION}, else
 *       {@code AWS_DEFAULT_REGION}, else {@code us-east-1}.
 * </ol>
 *
 * So a per-call region changes only the region-derived URL: an endpoint override, like an SDK
 * client's, beats a region. The spec's own {@code servers} (which include {@code http://} ones) are
 * not used. A region that is not a DNS label sequence ({@code [a-z0-9-]}) is refused with an {@link
 * IllegalArgumentException}, so no argument can steer the call to another host. Returned URLs carry
 * no trailing slash.
 */
public final class AwsEndpointResolver implements ServerResolver {
  public static final String ENDPOINT_ENV_SERVICE = "AWS_ENDPOINT_URL_SSO_OIDC";
  public static final String ENDPOINT_ENV_GLOBAL = "AWS_ENDPOINT_URL";
  public static final String DEFAULT_REGION = "us-east-1";
  private static final Pattern REGION = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern VARIABLE = Pattern.compile("\\{([^{}]+)}");

  private final Function<String, String> environment;

  /** Reads the process environment. */
  public AwsEndpointResolver() {
    this(System::getenv);
  }

  /** Reads {@code environment} instead of the process environment (tests, embedding hosts). */
  public AwsEndpointResolver(Function<String, String> environment) {
    this.environment = Objects.requireNonNull(environment, "environment");
  }

  public static AwsEndpointResolver withEnvironment(Map<String, String> environment) {
    Map<String, String> copy = Map.copyOf(environment);
    return new AwsEndpointResolver(copy::get);
  }

  @Override
  public String baseUrl(
      JsonNode requestedServerArg, String sourceBaseUrl, List<ServerSpec> servers) {
    JsonNode variables = requestedServerArg == null ? null : requestedServerArg.get("variables");
    String requestedUrl = nonBlank(Json.text(requestedServerArg, "url"));
    if (requestedUrl != null) return trimSlash(fill(requestedUrl, variables));
    String override =
        firstNonBlank(sourceBaseUrl, env(ENDPOINT_ENV_SERVICE), env(ENDPOINT_ENV_GLOBAL));
    if (override != null) return trimSlash(override);
    return regionalEndpoint(region(variables));
  }

  /**
   * The endpoint overrides set in the environment ({@value #ENDPOINT_ENV_SERVICE}, {@value
   * #ENDPOINT_ENV_GLOBAL}).
   */
  @Override
  public List<String> configuredBaseUrls() {
    List<String> urls = new ArrayList<>();
    for (String name : List.of(ENDPOINT_ENV_SERVICE, ENDPOINT_ENV_GLOBAL)) {
      String url = nonBlank(env(name));
      if (url != null) urls.add(trimSlash(url));
    }
    return urls;
  }

  /** {@code https://oidc.<region>.amazonaws.com}, or {@code .amazonaws.com.cn} for {@code cn-*}. */
  public static String regionalEndpoint(String region) {
    String checked = checkRegion(region);
    String suffix = checked.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
    return "https://oidc." + checked + "." + suffix;
  }

  /** The region in effect: the call's, else AWS_REGION, else AWS_DEFAULT_REGION, else us-east-1. */
  public String region(JsonNode variables) {
    String region =
        firstNonBlank(Json.text(variables, "region"), env("AWS_REGION"), env("AWS_DEFAULT_REGION"));
    return region == null ? DEFAULT_REGION : region;
  }

  private String fill(String url, JsonNode variables) {
    Matcher matcher = VARIABLE.matcher(url);
    StringBuilder filled = new StringBuilder();
    while (matcher.find()) {
      String name = matcher.group(1);
      String value =
          name.equals("region") ? checkRegion(region(variables)) : Json.text(variables, name);
      String replacement = value == null ? matcher.group() : value;
      matcher.appendReplacement(filled, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(filled);
    return filled.toString();
  }

  private static String checkRegion(String region) {
    if (region == null || !REGION.matcher(region).matches()) {
      throw new IllegalArgumentException(
          "server.variables.region must be an AWS region name such as us-east-1");
    }
    return region;
  }

  private String env(String name) {
    return nonBlank(environment.apply(name));
  }

  private static String firstNonBlank(String... values) {
    for (String value : values) {
      if (nonBlank(value) != null) return value.strip();
    }
    return null;
  }

  private static String nonBlank(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String trimSlash(String url) {
    String trimmed = url;
    while (trimmed.endsWith("/")) trimmed = trimmed.substring(0, trimmed.length() - 1);
    return trimmed;
  }
}
