package dev.executortools.awsapi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.executortools.ApprovalHandler;
import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import dev.executortools.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.auth.aws.scheme.AwsV4AuthScheme;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignRequest;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignedRequest;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.identity.spi.IdentityProviders;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sts.StsClient;
import tools.jackson.databind.node.ObjectNode;

/**
 * The request a tool added from the directory's AWS spec sends and the one the AWS SDK for Java v2
 * sends for the same input, credentials and clock, both captured by one loopback server: same
 * method, path, query, body and signature. (The SDK's own bookkeeping headers, {@code
 * amz-sdk-invocation-id} and {@code amz-sdk-request}, are taken off before its signer signs: they
 * carry a random id.)
 */
class AwsSdkDifferentialTest {
  private static final String KEY = "AKIDEXAMPLE";
  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  private static final String TOKEN = "session-token-EXAMPLE";
  private static final String REGION = "eu-west-1";
  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final WireMockServer server = new WireMockServer(WireMockConfiguration.options().port(0));
  private ToolRegistry registry;

  @BeforeEach
  void start() {
    server.start();
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
    registry =
        ToolRegistry.builder()
            .approvals(ApprovalHandler.APPROVE_ALL)
            .allowPrivateNetwork(true)
            .environment(
                Map.of(
                    "AWS_ACCESS_KEY_ID", KEY,
                    "AWS_SECRET_ACCESS_KEY", SECRET,
                    "AWS_SESSION_TOKEN", TOKEN,
                    "AWS_REGION", REGION,
                    "HOME", "/nonexistent"))
            .build();
  }

  @AfterEach
  void stop() {
    registry.close();
    server.stop();
  }

  private void add(String namespace, String resource) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/aws/" + resource)) {
      ObjectNode args =
          Json.object()
              .put("spec", new String(in.readAllBytes(), StandardCharsets.UTF_8))
              .put("namespace", namespace)
              .put("baseUrl", server.baseUrl());
      ToolResult added = registry.addSource(args);
      assertThat(added.ok()).as(added.toJson().toString()).isTrue();
    }
  }

  /** Our request for a tool call, and the instant it was signed at. */
  private LoggedRequest ours(String id, ObjectNode args) {
    server.resetRequests();
    ToolResult result = registry.call(id, args);
    assertThat(result.ok()).as(result.toJson().toString()).isTrue();
    List<LoggedRequest> requests = server.findAll(anyRequestedFor(anyUrl()));
    assertThat(requests).hasSize(1);
    return requests.get(0);
  }

  private LoggedRequest sdks(Runnable call) {
    server.resetRequests();
    try {
      call.run();
    } catch (RuntimeException e) {
      // the stand-in's answer need not parse as the SDK's output: the request is what counts
    }
    List<LoggedRequest> requests = server.findAll(anyRequestedFor(anyUrl()));
    assertThat(requests).hasSize(1);
    return requests.get(0);
  }

  private static Instant signedAt(LoggedRequest request) {
    return Instant.from(AMZ_DATE.parse(request.getHeader("X-Amz-Date")));
  }

  private static void assertSameRequest(LoggedRequest ours, LoggedRequest sdks) {
    assertThat(ours.getMethod()).isEqualTo(sdks.getMethod());
    assertThat(URI.create(ours.getUrl()).getRawPath())
        .isEqualTo(URI.create(sdks.getUrl()).getRawPath());
    assertThat(URI.create(ours.getUrl()).getRawQuery())
        .isEqualTo(URI.create(sdks.getUrl()).getRawQuery());
    assertThat(ours.getBodyAsString()).isEqualTo(sdks.getBodyAsString());
    assertThat(ours.getHeader("Content-Type")).isEqualTo(sdks.getHeader("Content-Type"));
    assertThat(ours.getHeader("X-Amz-Security-Token")).isEqualTo(TOKEN);
    assertThat(ours.getHeader("Authorization")).isEqualTo(sdks.getHeader("Authorization"));
  }

  /** The SDK's client: our loopback server, the same credentials, the given clock. */
  private <B extends AwsClientBuilder<B, ?>> B configured(B builder) {
    return builder
        .endpointOverride(URI.create(server.baseUrl()))
        .region(Region.of(REGION))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsSessionCredentials.create(KEY, SECRET, TOKEN)));
  }

  /**
   * The SDK's own SigV4 scheme, its signer given the SDK's request less the two bookkeeping
   * headers, at a fixed instant.
   */
  private static AwsV4AuthScheme signingAt(Instant instant) {
    AwsV4AuthScheme sdk = AwsV4AuthScheme.create();
    AwsV4HttpSigner signer = sdk.signer();
    AwsV4HttpSigner withoutBookkeeping =
        new AwsV4HttpSigner() {
          @Override
          public SignedRequest sign(SignRequest<? extends AwsCredentialsIdentity> request) {
            return signer.sign(
                request.toBuilder()
                    .request(
                        request.request().toBuilder()
                            .removeHeader("amz-sdk-invocation-id")
                            .removeHeader("amz-sdk-request")
                            .build())
                    .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(instant, ZoneOffset.UTC))
                    .build());
          }

          @Override
          public CompletableFuture<AsyncSignedRequest> signAsync(
              AsyncSignRequest<? extends AwsCredentialsIdentity> request) {
            throw new UnsupportedOperationException();
          }
        };
    return new AwsV4AuthScheme() {
      @Override
      public String schemeId() {
        return sdk.schemeId();
      }

      @Override
      public IdentityProvider<AwsCredentialsIdentity> identityProvider(
          IdentityProviders providers) {
        return sdk.identityProvider(providers);
      }

      @Override
      public AwsV4HttpSigner signer() {
        return withoutBookkeeping;
      }
    };
  }

  private StsClient sts(Instant instant) {
    return configured(StsClient.builder())
        .httpClient(UrlConnectionHttpClient.create())
        .putAuthScheme(signingAt(instant))
        .build();
  }

  private DynamoDbClient dynamodb(Instant instant) {
    return configured(DynamoDbClient.builder())
        .httpClient(UrlConnectionHttpClient.create())
        .putAuthScheme(signingAt(instant))
        .build();
  }

  @Test
  void stsGetCallerIdentity() throws IOException {
    add("sts", "sts.json");
    LoggedRequest ours = ours("sts.actionGetCallerIdentity.postGetCallerIdentity", Json.object());
    try (StsClient sts = sts(signedAt(ours))) {
      assertSameRequest(ours, sdks(sts::getCallerIdentity));
    }
  }

  @Test
  void stsAssumeRole() throws IOException {
    add("sts", "sts.json");
    ObjectNode args = Json.object();
    args.putObject("body")
        .put("RoleArn", "arn:aws:iam::123456789012:role/Admin")
        .put("RoleSessionName", "me")
        .put("DurationSeconds", 900);
    LoggedRequest ours = ours("sts.actionAssumeRole.postAssumeRole", args);
    try (StsClient sts = sts(signedAt(ours))) {
      assertSameRequest(
          ours,
          sdks(
              () ->
                  sts.assumeRole(
                      r ->
                          r.roleArn("arn:aws:iam::123456789012:role/Admin")
                              .roleSessionName("me")
                              .durationSeconds(900))));
    }
  }

  @Test
  void dynamoDbListTables() throws IOException {
    add("dynamodb", "dynamodb.json");
    ObjectNode args = Json.object();
    args.putObject("body").put("Limit", 5);
    LoggedRequest ours = ours("dynamodb.xAmzTargetDynamoDb20120810ListTables.listTables", args);
    try (DynamoDbClient dynamodb = dynamodb(signedAt(ours))) {
      assertSameRequest(ours, sdks(() -> dynamodb.listTables(r -> r.limit(5))));
    }
  }

  @Test
  void dynamoDbListTablesWithNoArgumentsSendsTheSdksEmptyInput() throws IOException {
    add("dynamodb", "dynamodb.json");
    LoggedRequest ours =
        ours("dynamodb.xAmzTargetDynamoDb20120810ListTables.listTables", Json.object());
    assertThat(ours.getBodyAsString()).isEqualTo("{}");
    try (DynamoDbClient dynamodb = dynamodb(signedAt(ours))) {
      assertSameRequest(ours, sdks(() -> dynamodb.listTables()));
    }
  }

  @Test
  void dynamoDbPutItem() throws IOException {
    add("dynamodb", "dynamodb.json");
    ObjectNode args = Json.object();
    ObjectNode body = args.putObject("body").put("TableName", "Music");
    body.putObject("Item").putObject("Artist").put("S", "No One You Know");
    LoggedRequest ours = ours("dynamodb.xAmzTargetDynamoDb20120810PutItem.putItem", args);
    try (DynamoDbClient dynamodb = dynamodb(signedAt(ours))) {
      assertSameRequest(
          ours,
          sdks(
              () ->
                  dynamodb.putItem(
                      r ->
                          r.tableName("Music")
                              .item(
                                  Map.of(
                                      "Artist",
                                      AttributeValue.builder().s("No One You Know").build())))));
    }
  }

  @Test
  void authStatusNamesTheCredentialsAnAwsSourceSignsWithNeverTheirValues() throws IOException {
    add("dynamodb", "dynamodb.json");
    ToolResult status = registry.signInStatus("dynamodb");
    assertThat(status.data().path("sources").get(0).path("aws").toString())
        .isEqualTo(
            "{\"credentials\":\"environment (AWS_ACCESS_KEY_ID)\",\"region\":\"eu-west-1\"}");
    assertThat(status.toJson().toString()).doesNotContain(SECRET).doesNotContain(TOKEN);
  }
}
