package dev.executortools.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The region a call signs for: a regional host's own; a global endpoint's partition region, as the
 * SDKs sign for {@code sts.amazonaws.com} and {@code iam.amazonaws.com}; elsewhere the configured.
 */
class AwsRegionTest {
  @Test
  void globalEndpointsSignForTheirPartitionsRegion() {
    assertThat(AwsCalls.region("sts.amazonaws.com", "eu-west-1")).isEqualTo("us-east-1");
    assertThat(AwsCalls.region("iam.amazonaws.com", null)).isEqualTo("us-east-1");
    assertThat(AwsCalls.region("sts.amazonaws.com.cn", "cn-northwest-1")).isEqualTo("cn-north-1");
  }

  @Test
  void regionalHostsSignForTheirOwnAndOtherHostsForTheConfiguredOne() {
    assertThat(AwsCalls.region("sts.eu-central-1.amazonaws.com", "eu-west-1"))
        .isEqualTo("eu-central-1");
    assertThat(AwsCalls.region("127.0.0.1", "eu-west-1")).isEqualTo("eu-west-1");
    assertThat(AwsCalls.region("localhost", null)).isEqualTo("us-east-1");
  }
}
