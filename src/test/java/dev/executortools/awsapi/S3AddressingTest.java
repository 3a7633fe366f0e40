package dev.executortools.awsapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.ApprovalHandler;
import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import dev.executortools.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * On AWS's own hosts an S3 tool names its bucket where the AWS SDK for Java v2 does (its default
 * client, no endpoint override): in the host for a DNS-label name, in the path for a dotted one.
 * Both requests are caught before they leave the process (no network).
 */
class S3AddressingTest {
  private static final String KEY = "notes/a b.txt";

  @ParameterizedTest
  @ValueSource(strings = {"my-bucket", "my.dotted.bucket", "abc"})
  void aToolAddressesItsBucketAsTheSdkDoes(String bucket) throws IOException {
    assertThat(ours(bucket)).isEqualTo(sdks(bucket));
  }

  private static URI ours(String bucket) throws IOException {
    List<String> urls = new ArrayList<>();
    OkHttpClient catching =
        new OkHttpClient.Builder()
            .addInterceptor(
                chain -> {
                  urls.add(chain.request().url().toString());
                  return new Response.Builder()
                      .request(chain.request())
                      .protocol(Protocol.HTTP_1_1)
                      .code(200)
                      .message("OK")
                      .body(ResponseBody.create("", null))
                      .build();
                })
            .build();
    try (ToolRegistry registry =
            ToolRegistry.builder()
                .approvals(ApprovalHandler.APPROVE_ALL)
                .httpClient(catching)
                .environment(
                    Map.of(
                        "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE",
                        "AWS_SECRET_ACCESS_KEY", "secret",
                        "AWS_REGION", "eu-west-1",
                        "HOME", "/nonexistent"))
                .build();
        InputStream in = S3AddressingTest.class.getResourceAsStream("/aws/s3.json")) {
      ToolResult added =
          registry.addSource(
              Json.object()
                  .put("spec", new String(in.readAllBytes(), StandardCharsets.UTF_8))
                  .put("namespace", "s3"));
      assertThat(added.ok()).as(added.toJson().toString()).isTrue();
      ToolResult result =
          registry.call("s3.root.getObject", Json.object().put("Bucket", bucket).put("Key", KEY));
      assertThat(result.ok()).as(result.toJson().toString()).isTrue();
    }
    assertThat(urls).hasSize(1);
    return URI.create(urls.get(0));
  }

  private static URI sdks(String bucket) {
    List<URI> uris = new ArrayList<>();
    ExecutionInterceptor catching =
        new ExecutionInterceptor() {
          @Override
          public void beforeTransmission(
              Context.BeforeTransmission context, ExecutionAttributes attributes) {
            uris.add(context.httpRequest().getUri());
            throw new IllegalStateException("caught before it left");
          }
        };
    try (S3Client s3 =
        S3Client.builder()
            .region(Region.EU_WEST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "s")))
            .httpClient(UrlConnectionHttpClient.create())
            .overrideConfiguration(o -> o.addExecutionInterceptor(catching))
            .build()) {
      s3.getObjectAsBytes(r -> r.bucket(bucket).key(KEY));
    } catch (IllegalStateException e) {
      // caught
    }
    assertThat(uris).hasSize(1);
    return uris.get(0);
  }
}
