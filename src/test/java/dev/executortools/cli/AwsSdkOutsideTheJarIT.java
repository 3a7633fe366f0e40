package dev.executortools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The AWS SDK for Java v2 is the differential tests' reference, not part of the plugin: the
 * runnable jar carries only the SDK modules the plugin reads AWS's config files with ({@code
 * profiles} and the {@code utils} and {@code annotations} it needs), none of the service clients
 * (STS, DynamoDB, Lambda, S3, SQS, EC2, SSO), protocols or signers.
 */
class AwsSdkOutsideTheJarIT {
  @Test
  void theRunnableJarHoldsNoAwsSdkServiceClientProtocolOrSigner() throws IOException {
    try (ZipFile jar = new ZipFile("target/executor-tools.jar")) {
      List<String> names = jar.stream().map(ZipEntry::getName).toList();

      assertThat(names)
          .filteredOn(n -> n.startsWith("software/amazon/awssdk/") && n.endsWith(".class"))
          .allMatch(
              n ->
                  n.startsWith("software/amazon/awssdk/profiles/")
                      || n.startsWith("software/amazon/awssdk/utils/")
                      || n.startsWith("software/amazon/awssdk/annotations/"));
      assertThat(names).contains("dev/executortools/awsapi/RestXmlBody.class");
    }
  }
}
