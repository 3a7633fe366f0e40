package dev.executortools.awsapi;

import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Where an S3 request names its bucket, as the AWS SDK for Java v2 decides it (its S3 endpoint
 * rules, {@code forcePathStyle} off): on AWS's hosts a bucket whose name is a DNS label (3 to 63
 * lower-case letters, digits and hyphens, no dots: a dotted name would not match the {@code
 * *.s3.<region>.amazonaws.com} certificate) goes in the host, virtual-hosted ({@code
 * https://my-bucket.s3.eu-west-1.amazonaws.com/key}), which AWS recommends and which every new
 * bucket takes; any other name stays in the path. A source's own base URL (a loopback or
 * on-premises stand-in: moto, MinIO, LocalStack) keeps the path-style the directory's spec gives
 * ({@code /my-bucket/key}), as the SDK does with {@code forcePathStyle(true)}: such hosts seldom
 * resolve a bucket subdomain. S3 keys are greedy labels ({@code {Key+}} in AWS's model): their
 * slashes stay slashes.
 */
final class S3Addressing {
  private static final Pattern DNS_BUCKET = Pattern.compile("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$");
  private static final Pattern IP_ADDRESS = Pattern.compile("^\\d+\\.\\d+\\.\\d+\\.\\d+$");

  private S3Addressing() {}

  /**
   * @param bucketInPath whether the operation's path template starts with {@code /{Bucket}}
   */
  static HttpUrl.Builder address(HttpUrl url, HttpUrl.Builder target, boolean bucketInPath) {
    String path = url.encodedPath().replace("%2F", "/").replace("%2f", "/");
    target.encodedPath(path);
    if (!bucketInPath || !AwsRequestShape.isAwsHost(url.host())) return target;
    String rest = path.substring(1);
    int slash = rest.indexOf('/');
    String bucket = slash < 0 ? rest : rest.substring(0, slash);
    if (!DNS_BUCKET.matcher(bucket).matches() || IP_ADDRESS.matcher(bucket).matches()) {
      return target;
    }
    return target
        .host(bucket + "." + url.host())
        .encodedPath(slash < 0 ? "/" : rest.substring(slash));
  }
}
