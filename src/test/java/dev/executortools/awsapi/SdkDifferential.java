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
import mockwebserver3.RecordedRequest;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.scheme.AwsV4AuthScheme;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignRequest;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignedRequest;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.identity.spi.IdentityProviders;
import software.amazon.awssdk.regions.Region;
import tools.jackson.databind.node.ObjectNode;

/**
 * One loopback server that captures the request a tool sends and the one the AWS SDK for Java v2
 * sends for the same input, credentials and clock. (The SDK's own bookkeeping headers, {@code
 * amz-sdk-invocation-id} and {@code amz-sdk-request}, are taken off before its signer signs: they
 * carry a random id.)
 */
final class SdkDifferential implements AutoCloseable {
  static final String KEY = "AKIDEXAMPLE";
  static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  static final String TOKEN = "session-token-EXAMPLE";
  static final String REGION = "eu-west-1";
  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  final WireMockServer server = new WireMockServer(WireMockConfiguration.options().port(0));
  final ToolRegistry registry;

  SdkDifferential() {
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

  @Override
  public void close() {
    registry.close();
    server.stop();
  }

  /** Adds the trimmed directory spec {@code /aws/<resource>} with the loopback base URL. */
  void add(String namespace, String resource) throws IOException {
    add(namespace, resource, server.baseUrl());
  }

  void add(String namespace, String resource, String baseUrl) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/aws/" + resource)) {
      ObjectNode args =
          Json.object()
              .put("spec", new String(in.readAllBytes(), StandardCharsets.UTF_8))
              .put("namespace", namespace)
              .put("baseUrl", baseUrl);
      ToolResult added = registry.addSource(args);
      assertThat(added.ok()).as(added.toJson().toString()).isTrue();
    }
  }

  /** Our request for a tool call. */
  LoggedRequest ours(String id, ObjectNode args) {
    server.resetRequests();
    ToolResult result = registry.call(id, args);
    assertThat(result.ok()).as(result.toJson().toString()).isTrue();
    return only();
  }

  /** The SDK's request for a call (its answer need not parse: the request is what counts). */
  LoggedRequest sdks(Runnable call) {
    server.resetRequests();
    try {
      call.run();
    } catch (RuntimeException e) {
      // the stand-in's answer need not parse as the SDK's output
    }
    return only();
  }

  private LoggedRequest only() {
    List<LoggedRequest> requests = server.findAll(anyRequestedFor(anyUrl()));
    assertThat(requests).hasSize(1);
    return requests.get(0);
  }

  static Instant signedAt(LoggedRequest request) {
    return Instant.from(AMZ_DATE.parse(request.getHeader("X-Amz-Date")));
  }

  static void assertSameRequest(LoggedRequest ours, LoggedRequest sdks) {
    assertThat(ours.getMethod()).isEqualTo(sdks.getMethod());
    assertThat(URI.create(ours.getUrl()).getRawPath())
        .isEqualTo(URI.create(sdks.getUrl()).getRawPath());
    assertThat(URI.create(ours.getUrl()).getRawQuery())
        .isEqualTo(URI.create(sdks.getUrl()).getRawQuery());
    assertThat(ours.getBodyAsString()).isEqualTo(sdks.getBodyAsString());
    assertThat(ours.getHeader("Content-Type")).isEqualTo(sdks.getHeader("Content-Type"));
    assertThat(ours.getHeader("X-Amz-Content-Sha256"))
        .isEqualTo(sdks.getHeader("X-Amz-Content-Sha256"));
    assertThat(ours.getHeader("X-Amz-Security-Token")).isEqualTo(TOKEN);
    assertThat(ours.getHeader("Authorization")).isEqualTo(sdks.getHeader("Authorization"));
  }

  /**
   * The {@code Authorization} the SDK's own signer ({@code AwsV4HttpSigner}) gives a request as it
   * reached a server, byte for byte (a {@code MockWebServer}'s record: WireMock's server writes a
   * form's {@code charset=utf-8} as {@code UTF-8}): its method, path, query, body and the headers
   * its signature signed, at its instant.
   */
  static String sdkSignature(RecordedRequest sent, String service) {
    String authorization = sent.getHeaders().get("Authorization");
    String signed =
        authorization.substring(
            authorization.indexOf("SignedHeaders=") + 14, authorization.indexOf(", Signature"));
    SdkHttpRequest.Builder request =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.fromValue(sent.getMethod()))
            .uri(URI.create("http://" + sent.getHeaders().get("Host") + sent.getTarget()));
    for (String name : signed.split(";")) {
      if (!List.of("host", "x-amz-date", "x-amz-security-token", "x-amz-content-sha256")
          .contains(name)) {
        request.appendHeader(name, sent.getHeaders().get(name));
      }
    }
    Instant at = Instant.from(AMZ_DATE.parse(sent.getHeaders().get("X-Amz-Date")));
    SignedRequest sdk =
        AwsV4HttpSigner.create()
            .sign(
                r ->
                    r.identity(AwsSessionCredentialsIdentity.create(KEY, SECRET, TOKEN))
                        .request(request.build())
                        .payload(
                            ContentStreamProvider.fromByteArray(
                                sent.getBody() == null
                                    ? new byte[0]
                                    : sent.getBody().toByteArray()))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                        .putProperty(AwsV4HttpSigner.REGION_NAME, REGION)
                        .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC)));
    return sdk.request().firstMatchingHeader("Authorization").orElseThrow();
  }

  /** The SDK's client: the loopback server, the same credentials, the SDK's signer at a clock. */
  <B extends AwsClientBuilder<B, C>, C> C client(B builder, Instant instant) {
    return builder
        .endpointOverride(URI.create(server.baseUrl()))
        .region(Region.of(REGION))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsSessionCredentials.create(KEY, SECRET, TOKEN)))
        .putAuthScheme(signingAt(instant))
        .build();
  }

  /** Any SDK client builder with the URL-connection HTTP client. */
  static <B extends software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<B, ?>>
      B urlConnection(B builder) {
    return builder.httpClient(UrlConnectionHttpClient.create());
  }

  /**
   * The SDK's own SigV4 scheme, its signer given the SDK's request less the two bookkeeping
   * headers, at a fixed instant.
   */
  static AwsV4AuthScheme signingAt(Instant instant) {
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
}
