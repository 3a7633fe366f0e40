package dev.executortools.awsapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.awsapi.SigV4Signer.Pair;
import dev.executortools.testing.RandomCases;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * The hand-written signer against the AWS SDK for Java v2's {@code AwsV4HttpSigner}: for the same
 * request, credentials, scope and clock, the same signed headers and the same signature.
 */
class SigV4SignerTest {

  /** One generated case. */
  record Case(
      String method,
      String service,
      String region,
      List<String> segments,
      List<Pair> query,
      List<Pair> headers,
      String body,
      boolean session,
      long epochSecond) {}

  @Test
  void signsAsTheSdkSigns() {
    RandomCases.forAll(
        4,
        300,
        List.of(),
        SigV4SignerTest::randomCase,
        c -> assertThat(ours(c)).isEqualTo(sdks(c)));
  }

  @Test
  void aKnownRequestSignsToTheSdksSignature() {
    Case c =
        new Case(
            "POST",
            "dynamodb",
            "eu-west-1",
            List.of(""),
            List.of(),
            List.of(
                new Pair("Host", "dynamodb.eu-west-1.amazonaws.com"),
                new Pair("Content-Type", "application/x-amz-json-1.0"),
                new Pair("X-Amz-Target", "DynamoDB_20120810.ListTables")),
            "{}",
            true,
            1_700_000_000L);
    Map<String, String> ours = ours(c);
    assertThat(ours).isEqualTo(sdks(c));
    assertThat(ours.get("Authorization"))
        .startsWith(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20231114/eu-west-1/dynamodb/aws4_request,"
                + " SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token;"
                + "x-amz-target,"
                + " Signature=");
    assertThat(ours).containsEntry("X-Amz-Date", "20231114T221320Z");
  }

  @Test
  void aPathWithDotSegmentsAndReservedCharactersIsCanonicalizedPerService() {
    for (String service : List.of("lambda", "s3")) {
      Case c =
          new Case(
              "GET",
              service,
              "us-west-2",
              List.of("a b", "..", "c%2Fd", "e:f", "ü"),
              List.of(new Pair("acl", null), new Pair("b", "x y"), new Pair("a", "2")),
              List.of(new Pair("Host", "h.example"), new Pair("X-Amz-Meta-N", "  a   b  ")),
              "",
              false,
              0);
      assertThat(ours(c)).as(service).isEqualTo(sdks(c));
    }
  }

  private static final String KEY = "AKIDEXAMPLE";
  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  private static final String TOKEN = "FQoGZXIvYXdzEXAMPLETOKEN//////////";

  private static String path(List<String> segments) {
    StringBuilder path = new StringBuilder();
    for (String segment : segments) {
      path.append('/');
      path.append(segment.equals("..") || segment.contains("%") ? segment : pathEncode(segment));
    }
    return path.toString();
  }

  /** As a client would put a segment on the wire: sub-delimiters and ':' '@' left as they are. */
  private static String pathEncode(String segment) {
    StringBuilder out = new StringBuilder();
    for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (Character.isLetterOrDigit(c) && c < 128 || "-._~!$&'()*+,;=:@".indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append(String.format("%%%02X", c));
      }
    }
    return out.toString();
  }

  private static Map<String, String> ours(Case c) {
    AwsCredentials credentials =
        new AwsCredentials(KEY, SECRET, c.session() ? TOKEN : null, null, "test");
    SigV4Signer.Request request =
        new SigV4Signer.Request(
            c.method(),
            path(c.segments()),
            c.query(),
            c.headers(),
            c.body().getBytes(StandardCharsets.UTF_8));
    Map<String, String> added = new LinkedHashMap<>();
    for (Pair pair :
        SigV4Signer.sign(
            request,
            new SigV4Signer.Scope(c.region(), c.service()),
            credentials,
            Instant.ofEpochSecond(c.epochSecond()))) {
      added.put(pair.name(), pair.value());
    }
    return added;
  }

  /** The headers the SDK's signer adds, under our spelling of their names. */
  private static Map<String, String> sdks(Case c) {
    SdkHttpRequest.Builder request =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.fromValue(c.method()))
            .protocol("https")
            .host("h.example")
            .encodedPath(path(c.segments()));
    for (Pair pair : c.query()) {
      request.appendRawQueryParameter(pair.name(), pair.value());
    }
    for (Pair header : c.headers()) request.appendHeader(header.name(), header.value());
    boolean s3 = c.service().equals("s3");
    AwsCredentialsIdentity identity =
        c.session()
            ? AwsSessionCredentialsIdentity.create(KEY, SECRET, TOKEN)
            : AwsCredentialsIdentity.create(KEY, SECRET);
    SignedRequest signed =
        AwsV4HttpSigner.create()
            .sign(
                r ->
                    r.identity(identity)
                        .request(request.build())
                        .payload(ContentStreamProvider.fromUtf8String(c.body()))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, c.service())
                        .putProperty(AwsV4HttpSigner.REGION_NAME, c.region())
                        .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, !s3)
                        .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, !s3)
                        .putProperty(
                            HttpSigner.SIGNING_CLOCK,
                            Clock.fixed(Instant.ofEpochSecond(c.epochSecond()), ZoneOffset.UTC)));
    Map<String, List<String>> headers = signed.request().headers();
    Map<String, String> added = new LinkedHashMap<>();
    added.put("X-Amz-Date", headers.get("X-Amz-Date").get(0));
    if (c.session()) added.put("X-Amz-Security-Token", headers.get("X-Amz-Security-Token").get(0));
    added.put("X-Amz-Content-Sha256", headers.get("x-amz-content-sha256").get(0));
    added.put("Authorization", headers.get("Authorization").get(0));
    return added;
  }

  private static String draw(Random random, String chars, int min, int max) {
    int length = min + random.nextInt(max - min + 1);
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) out.append(chars.charAt(random.nextInt(chars.length())));
    return out.toString();
  }

  private static <T> T oneOf(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** A request to sign: method, service, region, path segments, query, headers, body, session. */
  static Case randomCase(Random random) {
    String text = "abcXYZ019 -_.~!*'()/+=&%:@\u00fc\u20ac\t";
    List<Pair> query = new ArrayList<>();
    int queries = random.nextInt(6);
    for (int i = 0; i < queries; i++) {
      String name =
          !query.isEmpty() && random.nextDouble() < 0.3
              ? query.get(random.nextInt(query.size())).name()
              : draw(random, "abcXYZ-_", 1, 8);
      query.add(new Pair(name, random.nextDouble() < 0.1 ? null : draw(random, text, 0, 12)));
    }
    List<Pair> headers = new ArrayList<>();
    headers.add(new Pair("Host", "h.example"));
    int more = random.nextInt(5);
    for (int i = 0; i < more; i++) {
      String value = draw(random, "abcXYZ019 -_.;,/=", 1, 12);
      if (value.isBlank()) value = "v";
      headers.add(
          new Pair(
              oneOf(
                  random,
                  List.of("X-Amz-Target", "Content-Type", "x-amz-meta-a", "X-Custom", "Accept")),
              value));
    }
    List<String> segments = new ArrayList<>();
    int count = random.nextInt(5);
    for (int i = 0; i < count; i++)
      segments.add(draw(random, "abcXYZ019 -_.~!*'()+=&:@\u00fc", 0, 6));
    return new Case(
        oneOf(random, List.of("GET", "POST", "PUT", "DELETE", "HEAD")),
        oneOf(random, List.of("dynamodb", "s3", "sts", "lambda")),
        oneOf(random, List.of("us-east-1", "eu-central-1", "cn-north-1")),
        segments,
        query,
        headers,
        draw(random, text, 0, 12),
        random.nextBoolean(),
        1_700_000_000L);
  }
}
