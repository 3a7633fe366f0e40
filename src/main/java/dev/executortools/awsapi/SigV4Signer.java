package dev.executortools.awsapi;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 in the {@code Authorization} header, as the AWS SDK for Java v2 signs
 * ({@code AwsV4HttpSigner}): the canonical request (path normalized and encoded twice but for S3,
 * query sorted and encoded, headers lower-cased, sorted, trimmed and folded), the string to sign,
 * the derived key. It adds {@code X-Amz-Date}, {@code X-Amz-Security-Token} for temporary
 * credentials and {@code X-Amz-Content-Sha256} (the SDK sends it to every service), all signed.
 * {@code SigV4SignerTest} compares it with the SDK's signer.
 */
public final class SigV4Signer {
  static final String ALGORITHM = "AWS4-HMAC-SHA256";

  /** Headers the SDK never signs: a hop may change them. */
  private static final Set<String> UNSIGNED =
      Set.of("connection", "x-amzn-trace-id", "user-agent", "expect");

  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** One header or query parameter; query values are decoded, {@code value} null for {@code ?a}. */
  public record Pair(String name, String value) {}

  /** What to sign: the request as it goes on the wire. */
  public record Request(
      String method, String encodedPath, List<Pair> query, List<Pair> headers, byte[] payload) {
    public Request {
      query = List.copyOf(query);
      headers = List.copyOf(headers);
    }
  }

  /** Where and for whom: the credential scope. */
  public record Scope(String region, String service) {
    boolean isS3() {
      return service.equals("s3");
    }
  }

  private SigV4Signer() {}

  /**
   * The headers to add to {@code request} (in this order): date, token, content hash, signature.
   */
  public static List<Pair> sign(
      Request request, Scope scope, AwsCredentials credentials, Instant now) {
    String amzDate = AMZ_DATE.format(now);
    String payloadHash = presetPayloadHash(request.headers());
    if (payloadHash == null) {
      payloadHash = hex(sha256(request.payload() == null ? new byte[0] : request.payload()));
    }
    List<Pair> added = new ArrayList<>();
    added.add(new Pair("X-Amz-Date", amzDate));
    if (credentials.sessionToken() != null) {
      added.add(new Pair("X-Amz-Security-Token", credentials.sessionToken()));
    }
    added.add(new Pair("X-Amz-Content-Sha256", payloadHash));
    List<Pair> headers = new ArrayList<>();
    for (Pair header : request.headers()) {
      if (added.stream().noneMatch(a -> a.name().equalsIgnoreCase(header.name()))) {
        headers.add(header);
      }
    }
    headers.addAll(added);
    TreeMap<String, String> canonicalHeaders = canonicalHeaders(headers);
    String signedHeaders = String.join(";", canonicalHeaders.keySet());
    String canonicalRequest =
        request.method().toUpperCase(Locale.ROOT)
            + "\n"
            + canonicalPath(request.encodedPath(), scope)
            + "\n"
            + canonicalQuery(request.query())
            + "\n"
            + joinHeaders(canonicalHeaders)
            + "\n"
            + signedHeaders
            + "\n"
            + payloadHash;
    String date = amzDate.substring(0, 8);
    String credentialScope = date + "/" + scope.region() + "/" + scope.service() + "/aws4_request";
    String stringToSign =
        ALGORITHM
            + "\n"
            + amzDate
            + "\n"
            + credentialScope
            + "\n"
            + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
    byte[] key =
        hmac(("AWS4" + credentials.secretAccessKey()).getBytes(StandardCharsets.UTF_8), date);
    key = hmac(key, scope.region());
    key = hmac(key, scope.service());
    key = hmac(key, "aws4_request");
    String signature = hex(hmac(key, stringToSign));
    added.add(
        new Pair(
            "Authorization",
            ALGORITHM
                + " Credential="
                + credentials.accessKeyId()
                + "/"
                + credentialScope
                + ", SignedHeaders="
                + signedHeaders
                + ", Signature="
                + signature));
    return added;
  }

  /**
   * The payload hash a request already states ({@code UNSIGNED-PAYLOAD}), as the SDK's signer takes
   * it, or null.
   */
  private static String presetPayloadHash(List<Pair> headers) {
    for (Pair header : headers) {
      if (header.name().equalsIgnoreCase("X-Amz-Content-Sha256")) return header.value();
    }
    return null;
  }

  private static TreeMap<String, String> canonicalHeaders(List<Pair> headers) {
    TreeMap<String, String> canonical = new TreeMap<>();
    for (Pair header : headers) {
      String name = header.name().toLowerCase(Locale.ROOT);
      if (UNSIGNED.contains(name)) continue;
      String value = header.value().strip().replaceAll("\\s+", " ");
      canonical.merge(name, value, (a, b) -> a + "," + b);
    }
    return canonical;
  }

  private static String joinHeaders(Map<String, String> headers) {
    StringBuilder out = new StringBuilder();
    headers.forEach((name, value) -> out.append(name).append(':').append(value).append('\n'));
    return out.toString();
  }

  /**
   * The path as the SDK canonicalizes it: but for S3, normalized as {@link java.net.URI#normalize}
   * does (dot segments and repeated slashes removed), ending in a slash when the path does, and
   * encoded again.
   */
  static String canonicalPath(String encodedPath, Scope scope) {
    String path = encodedPath == null || encodedPath.isEmpty() ? "/" : encodedPath;
    if (scope.isS3()) return path;
    String normalized = java.net.URI.create("https://h" + path).normalize().getRawPath();
    if (normalized.isEmpty()) return "/";
    if (path.endsWith("/") && !normalized.endsWith("/")) normalized += "/";
    if (!path.endsWith("/") && normalized.length() > 1 && normalized.endsWith("/")) {
      normalized = normalized.substring(0, normalized.length() - 1);
    }
    return encode(normalized, true);
  }

  private static String canonicalQuery(List<Pair> query) {
    List<String[]> pairs = new ArrayList<>();
    for (Pair pair : query) {
      pairs.add(
          new String[] {
            encode(pair.name(), false), pair.value() == null ? "" : encode(pair.value(), false)
          });
    }
    pairs.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
    List<String> joined = new ArrayList<>();
    for (String[] pair : pairs) joined.add(pair[0] + "=" + pair[1]);
    return String.join("&", joined);
  }

  /** RFC 3986 encoding of all but the unreserved characters (and {@code /} when asked). */
  static String encode(String value, boolean keepSlash) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_'
          || c == '.'
          || c == '~'
          || (keepSlash && c == '/')) {
        out.append((char) c);
      } else {
        out.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) c));
      }
    }
    return out.toString();
  }

  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
