package dev.executortools.awsapi;

import dev.executortools.bind.HttpRequestSpec.HttpHeader;
import dev.executortools.compile.HttpBinding;
import dev.executortools.compile.ParamBinding;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/**
 * The checksum of an S3 request body, as the AWS SDK for Java v2 sends it by default ({@code
 * requestChecksumCalculation} {@code WHEN_SUPPORTED}): for each operation that takes one (the
 * directory's spec declares the {@code x-amz-sdk-checksum-algorithm} header for it, AWS's model an
 * {@code httpChecksum}), {@code x-amz-sdk-checksum-algorithm} (the argument's, else CRC32) and
 * {@code x-amz-checksum-<algorithm>}, base64. S3 refuses some of these operations without one
 * (PutBucketTagging, DeleteObjects, ...) and checks it on the others.
 */
final class S3Checksums {
  private static final String ALGORITHM = "x-amz-sdk-checksum-algorithm";

  private S3Checksums() {}

  /** {@code headers} with the body's checksum, when the operation takes one and has none. */
  static List<HttpHeader> withChecksum(List<HttpHeader> headers, byte[] body, HttpBinding binding) {
    if (body == null || !declaresAlgorithm(binding)) return headers;
    String algorithm = "CRC32";
    for (HttpHeader header : headers) {
      if (header.name().equalsIgnoreCase(ALGORITHM)) algorithm = header.value();
      if (header.name().toLowerCase(Locale.ROOT).startsWith("x-amz-checksum-")) return headers;
    }
    String value = checksum(algorithm.toUpperCase(Locale.ROOT), body);
    if (value == null) return headers;
    List<HttpHeader> out = new ArrayList<>();
    for (HttpHeader header : headers) {
      if (!header.name().equalsIgnoreCase(ALGORITHM)) out.add(header);
    }
    out.add(new HttpHeader(ALGORITHM, algorithm.toUpperCase(Locale.ROOT)));
    out.add(new HttpHeader("x-amz-checksum-" + algorithm.toLowerCase(Locale.ROOT), value));
    return out;
  }

  private static boolean declaresAlgorithm(HttpBinding binding) {
    for (ParamBinding param : binding.params()) {
      if (param.param().location().equals("header")
          && param.param().name().equalsIgnoreCase(ALGORITHM)) {
        return true;
      }
    }
    return false;
  }

  /** The base64 checksum, or null for an algorithm S3 does not name. */
  private static String checksum(String algorithm, byte[] body) {
    return switch (algorithm) {
      case "CRC32" -> crc(new CRC32(), body);
      case "CRC32C" -> crc(new CRC32C(), body);
      case "SHA1" -> digest("SHA-1", body);
      case "SHA256" -> digest("SHA-256", body);
      default -> null;
    };
  }

  private static String crc(Checksum checksum, byte[] body) {
    checksum.update(body, 0, body.length);
    return Base64.getEncoder()
        .encodeToString(ByteBuffer.allocate(4).putInt((int) checksum.getValue()).array());
  }

  private static String digest(String name, byte[] body) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance(name).digest(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
