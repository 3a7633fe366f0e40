package dev.executortools.invoke;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.executortools.HttpSettings;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A call made under a {@link CallCancellation} stops when it is cancelled, in flight or not yet
 * sent.
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class CallCancellationTest {
  @RegisterExtension
  final WireMockExtension upstream =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  private final HttpTransport transport =
      HttpTransport.create(
          HttpSettings.defaults()
              .withReadTimeout(Duration.ofSeconds(60))
              .withCallTimeout(Duration.ofSeconds(60)));

  @BeforeEach
  void stubASlowEndpoint() {
    upstream.stubFor(
        get(urlEqualTo("/slow")).willReturn(aResponse().withStatus(200).withFixedDelay(20_000)));
  }

  private String fetch(CallCancellation cancellation) {
    return cancellation.run(
        () -> {
          try (Response response =
              transport
                  .client()
                  .newCall(new Request.Builder().url(upstream.url("/slow")).build())
                  .execute()) {
            return "answered " + response.code();
          } catch (IOException e) {
            return "failed: " + e.getMessage();
          }
        });
  }

  @Test
  void cancellingStopsTheCallInFlightAtOnce() throws Exception {
    CallCancellation cancellation = new CallCancellation();
    CompletableFuture<String> call = CompletableFuture.supplyAsync(() -> fetch(cancellation));
    while (upstream.findAll(getRequestedFor(urlEqualTo("/slow"))).isEmpty()) Thread.sleep(20);

    long cancelled = System.nanoTime();
    cancellation.cancel();

    assertThat(call.get(5, TimeUnit.SECONDS)).startsWith("failed");
    assertThat(Duration.ofNanos(System.nanoTime() - cancelled)).isLessThan(Duration.ofSeconds(2));
    assertThat(cancellation.cancelled()).isTrue();
  }

  @Test
  void aCallStartedAfterTheCancelSendsNothing() {
    CallCancellation cancellation = new CallCancellation();
    cancellation.cancel();

    assertThat(fetch(cancellation)).startsWith("failed");
    assertThat(upstream.findAll(getRequestedFor(urlEqualTo("/slow")))).isEmpty();
  }

  @Test
  void callsOutsideTheCancellationAreNotTouched() {
    CallCancellation cancellation = new CallCancellation();
    cancellation.run(() -> "nothing");
    cancellation.cancel();
    upstream.stubFor(get(urlEqualTo("/slow")).willReturn(aResponse().withStatus(204)));

    assertThat(fetch(new CallCancellation())).isEqualTo("answered 204");
  }
}
