package dev.executortools.awsapi;

import java.util.Locale;
import java.util.Map;

/**
 * Where an AWS service is, as the SDKs find it: {@code AWS_ENDPOINT_URL_<SERVICE>}, then {@code
 * AWS_ENDPOINT_URL}, else the service's regional https endpoint ({@code .amazonaws.com.cn} in
 * China).
 */
public final class AwsEndpoints {
  private AwsEndpoints() {}

  /**
   * The endpoint the environment sets for the API of endpoint prefix {@code service} ({@code
   * AWS_ENDPOINT_URL_DYNAMODB}, else {@code AWS_ENDPOINT_URL}), as the SDKs read it; null when
   * none. The SDKs name the variable after the service ID, which is the upper-cased endpoint prefix
   * for STS, DynamoDB, SQS, S3, Lambda and EC2.
   */
  public static String override(Map<String, String> env, String service) {
    String name = service.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    for (String variable : new String[] {"AWS_ENDPOINT_URL_" + name, "AWS_ENDPOINT_URL"}) {
      String value = env.get(variable);
      if (value != null && !value.isBlank()) return strip(value.strip());
    }
    return null;
  }

  /**
   * @param envName the service's name in the variable ({@code SSO}, {@code STS})
   * @param host the host below the region's domain ({@code portal.sso.eu-west-1})
   */
  static String endpoint(Map<String, String> env, String envName, String host, String region) {
    for (String variable : new String[] {"AWS_ENDPOINT_URL_" + envName, "AWS_ENDPOINT_URL"}) {
      String value = env.get(variable);
      if (value != null && !value.isBlank()) return strip(value.strip());
    }
    String domain =
        region.toLowerCase(Locale.ROOT).startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
    return "https://" + host + "." + domain;
  }

  private static String strip(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
