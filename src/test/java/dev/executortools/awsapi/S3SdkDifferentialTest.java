package dev.executortools.awsapi;

import static dev.executortools.awsapi.SdkDifferential.assertSameRequest;
import static dev.executortools.awsapi.SdkDifferential.signedAt;
import static dev.executortools.awsapi.SdkDifferential.urlConnection;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.executortools.internal.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * REST-XML: S3 operations through tools added from the directory's S3 spec and through the AWS SDK
 * for Java v2, both captured by one loopback server ({@link SdkDifferential}): same method, path,
 * query, body, content type, payload hash and signature (so the same signed headers: metadata,
 * checksums).
 */
class S3SdkDifferentialTest {
  private final SdkDifferential differential = new SdkDifferential();

  @AfterEach
  void stop() {
    differential.close();
  }

  /**
   * S3 on a loopback endpoint: path-style (a virtual host {@code bucket.127.0.0.1} does not
   * resolve), no aws-chunked body and checksums only where an operation requires one, so that the
   * SDK signs the payload's SHA-256 in one piece as our tools do; no trailing MD5 asked of
   * GetObject answers ({@code x-amz-te: append-md5}: the SDK's own check of what it reads).
   */
  private S3Client s3(Instant instant) {
    return s3(instant, RequestChecksumCalculation.WHEN_SUPPORTED);
  }

  private S3Client s3(Instant instant, RequestChecksumCalculation checksums) {
    return differential.client(
        urlConnection(S3Client.builder())
            .requestChecksumCalculation(checksums)
            .forcePathStyle(true)
            .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED),
        instant);
  }

  @Test
  void s3ListBuckets() throws IOException {
    differential.add("s3", "s3.json");
    LoggedRequest ours = differential.ours("s3.root.listBuckets", Json.object());
    try (S3Client s3 = s3(signedAt(ours))) {
      assertSameRequest(ours, differential.sdks(s3::listBuckets));
    }
  }

  @Test
  void s3CreateBucketOutsideUsEast1() throws IOException {
    differential.add("s3", "s3.json");
    ObjectNode args = Json.object().put("Bucket", "my-bucket");
    args.putObject("body")
        .putObject("CreateBucketConfiguration")
        .put("LocationConstraint", "eu-west-1");
    LoggedRequest ours = differential.ours("s3.root.createBucket", args);
    assertThat(ours.getBodyAsString()).contains("<LocationConstraint>eu-west-1<");
    try (S3Client s3 = s3(signedAt(ours))) {
      assertSameRequest(
          ours,
          differential.sdks(
              () ->
                  s3.createBucket(
                      r ->
                          r.bucket("my-bucket")
                              .createBucketConfiguration(
                                  c -> c.locationConstraint(BucketLocationConstraint.EU_WEST_1)))));
    }
  }

  /** With no configuration, the SDK gives the bucket its client's region; so does a tool. */
  @Test
  void s3CreateBucketInTheCallsRegionWhenNoneIsGiven() throws IOException {
    differential.add("s3", "s3.json");
    ObjectNode args = Json.object().put("Bucket", "my-bucket");
    args.putObject("body");
    LoggedRequest ours = differential.ours("s3.root.createBucket", args);
    assertThat(ours.getBodyAsString()).contains("<LocationConstraint>eu-west-1<");
    try (S3Client s3 = s3(signedAt(ours))) {
      assertSameRequest(ours, differential.sdks(() -> s3.createBucket(r -> r.bucket("my-bucket"))));
    }
  }

  /** A wrapped list ({@code <TagSet><Tag>…}), on the {@code ?tagging} subresource. */
  @Test
  void s3PutBucketTagging() throws IOException {
    differential.add("s3", "s3.json");
    ObjectNode args = Json.object().put("Bucket", "my-bucket");
    ObjectNode tagSet = args.putObject("body").putObject("Tagging");
    tagSet.putArray("TagSet").addObject().put("Key", "team").put("Value", "a & b");
    ((ArrayNode) tagSet.get("TagSet")).addObject().put("Key", "env").put("Value", "prod");
    LoggedRequest ours = differential.ours("s3.bucketTagging.putBucketTagging", args);
    try (S3Client s3 = s3(signedAt(ours))) {
      assertSameRequest(
          ours,
          differential.sdks(
              () ->
                  s3.putBucketTagging(
                      r ->
                          r.bucket("my-bucket")
                              .tagging(
                                  t ->
                                      t.tagSet(
                                          g -> g.key("team").value("a & b"),
                                          g -> g.key("env").value("prod"))))));
    }
  }

  /** A flattened list ({@code <Object>} repeated), on the {@code ?delete} subresource. */
  @Test
  void s3DeleteObjects() throws IOException {
    differential.add("s3", "s3.json");
    ObjectNode args = Json.object().put("Bucket", "my-bucket");
    ObjectNode delete = args.putObject("body").putObject("Delete");
    delete.putArray("Objects").addObject().put("Key", "a.txt");
    ((ArrayNode) delete.get("Objects")).addObject().put("Key", "b.txt");
    delete.put("Quiet", true);
    LoggedRequest ours = differential.ours("s3.bucketDelete.deleteObjects", args);
    try (S3Client s3 = s3(signedAt(ours))) {
      assertSameRequest(
          ours,
          differential.sdks(
              () ->
                  s3.deleteObjects(
                      r ->
                          r.bucket("my-bucket")
                              .delete(
                                  d ->
                                      d.objects(o -> o.key("a.txt"), o -> o.key("b.txt"))
                                          .quiet(true)))));
    }
  }

  @Test
  void s3PutObject() throws IOException {
    differential.add("s3", "s3.json");
    ObjectNode args =
        Json.object().put("Bucket", "my-bucket").put("Key", "notes/a b+c=d (1)!*~é.txt");
    ObjectNode body = args.putObject("body").put("Body", "hello, S3");
    body.putObject("x-amz-meta-").put("author", "me");
    LoggedRequest ours = differential.ours("s3.root.putObject", args);
    assertThat(ours.getBodyAsString()).isEqualTo("hello, S3");
    try (S3Client s3 = s3(signedAt(ours))) {
      assertSameRequest(
          ours,
          differential.sdks(
              () ->
                  s3.putObject(
                      r ->
                          r.bucket("my-bucket")
                              .key("notes/a b+c=d (1)!*~é.txt")
                              .metadata(Map.of("author", "me")),
                      RequestBody.fromBytes("hello, S3".getBytes(StandardCharsets.UTF_8)))));
    }
  }

  /**
   * (The SDK's default client sends GetObject with the CRC32 of its empty body, {@code
   * x-amz-checksum-crc32: AAAAAA==}, a header no GET needs; this case compares with the SDK set to
   * send checksums where an operation requires one.)
   */
  @Test
  void s3GetObject() throws IOException {
    differential.add("s3", "s3.json");
    ObjectNode args =
        Json.object().put("Bucket", "my-bucket").put("Key", "notes/a b+c=d (1)!*~é.txt");
    LoggedRequest ours = differential.ours("s3.root.getObject", args);
    try (S3Client s3 = s3(signedAt(ours), RequestChecksumCalculation.WHEN_REQUIRED)) {
      assertSameRequest(
          ours,
          differential.sdks(
              () ->
                  s3.getObjectAsBytes(
                      r -> r.bucket("my-bucket").key("notes/a b+c=d (1)!*~é.txt"))));
    }
  }
}
