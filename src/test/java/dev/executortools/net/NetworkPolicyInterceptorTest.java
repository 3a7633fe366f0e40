package dev.executortools.net;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The connect-time check alone, without {@link PolicyDns}: what a rebinding resolver gets past. */
@Timeout(30)
class NetworkPolicyInterceptorTest {
  private static final WireMockServer server =
      new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));

  @BeforeAll
  static void start() {
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  private static Response get(OkHttpClient client, String host) throws Exception {
    return client
        .newCall(new Request.Builder().url("http://" + host + ":" + server.port() + "/x").build())
        .execute();
  }

  @Test
  void theAddressActuallyConnectedIsCheckedBeforeTheRequestIsWritten() throws Exception {
    NetworkPolicyInterceptor check = new NetworkPolicyInterceptor(NetworkPolicy.PUBLIC_ONLY);
    OkHttpClient networkOnly = new OkHttpClient.Builder().addNetworkInterceptor(check).build();

    assertThatThrownBy(() -> get(networkOnly, "localhost"))
        .isInstanceOf(BlockedAddressException.class)
        .hasMessageContaining("localhost (127.0.0.1)");
    assertThat(server.getAllServeEvents()).isEmpty();

    OkHttpClient allowed =
        new OkHttpClient.Builder()
            .addNetworkInterceptor(new NetworkPolicyInterceptor(NetworkPolicy.PRIVATE_ALLOWED))
            .build();
    try (Response response = get(allowed, "localhost")) {
      assertThat(response.code()).isEqualTo(404);
    }
    assertThat(server.getAllServeEvents()).hasSize(1);
  }

  @Test
  void anIpLiteralIsRefusedBeforeAnyConnectionIsOpened() {
    OkHttpClient applicationOnly =
        new OkHttpClient.Builder()
            .addInterceptor(new NetworkPolicyInterceptor(NetworkPolicy.PRIVATE_ALLOWED))
            .eventListener(
                new okhttp3.EventListener() {
                  @Override
                  public void connectStart(
                      okhttp3.Call call, java.net.InetSocketAddress address, java.net.Proxy proxy) {
                    throw new AssertionError("a connection was opened to " + address);
                  }
                })
            .build();
    assertThatThrownBy(
            () ->
                applicationOnly
                    .newCall(
                        new Request.Builder()
                            .url("http://169.254.169.254/latest/meta-data/")
                            .build())
                    .execute())
        .isInstanceOf(BlockedAddressException.class)
        .hasMessageContaining("link-local");
  }
}
