package dev.executortools.sso;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.SsoOidcTokenProvider;

/**
 * Run in a child JVM whose HOME is a temporary directory: the AWS SDK for Java v2 resolves the
 * token of sso-session {@code args[1]} from {@code $HOME/.aws/sso/cache} (refreshing it through the
 * endpoint {@code args[0]} when it has expired) and prints it.
 */
public final class SdkTokenProviderMain {
  private SdkTokenProviderMain() {}

  public static void main(String[] args) {
    try (SsoOidcClient client =
            SsoOidcClient.builder()
                .endpointOverride(URI.create(args[0]))
                .region(Region.EU_WEST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
        SsoOidcTokenProvider provider =
            SsoOidcTokenProvider.builder().sessionName(args[1]).ssoOidcClient(client).build()) {
      System.out.println(provider.resolveToken().token());
    }
  }
}
