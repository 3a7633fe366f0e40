package dev.executortools.awsapi;

import dev.executortools.compile.HttpBinding;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * S3's CreateBucket outside us-east-1 needs the bucket's region in its body ({@code
 * <LocationConstraint>}; S3 refuses the call without it). As the AWS SDK for Java v2 does (its
 * {@code CreateBucketInterceptor}), a call that names none creates the bucket in the region it is
 * signed for.
 */
final class S3BucketRegion {
  private S3BucketRegion() {}

  /**
   * The body to send: {@code body} with {@code CreateBucketConfiguration.LocationConstraint} set to
   * {@code region} when the operation is CreateBucket ({@code PUT /{Bucket}}), the region is known
   * and not us-east-1, and the body names no location; else {@code body}.
   */
  static JsonNode located(JsonNode body, HttpBinding binding, String region) {
    boolean createBucket =
        binding.method().equalsIgnoreCase("PUT") && binding.pathTemplate().equals("/{Bucket}");
    if (!createBucket || region == null || region.equals("us-east-1")) return body;
    if (body.path("CreateBucketConfiguration").path("LocationConstraint").isString()) return body;
    ObjectNode located = body.isObject() ? ((ObjectNode) body).deepCopy() : null;
    if (located == null) return body;
    JsonNode configuration = located.path("CreateBucketConfiguration");
    ObjectNode target =
        configuration.isObject()
            ? (ObjectNode) configuration
            : located.putObject("CreateBucketConfiguration");
    target.put("LocationConstraint", region);
    return located;
  }
}
