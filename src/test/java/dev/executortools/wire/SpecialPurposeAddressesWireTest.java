package dev.executortools.wire;

import static dev.executortools.wire.Exfiltration.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.ApprovalHandler;
import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import dev.executortools.internal.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.SocketFactory;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A model-chosen URL naming an address of a special-purpose range that is not globally reachable
 * (IANA's IPv4 and IPv6 special-purpose registries) is refused before anything connects. The
 * client's sockets refuse every address but loopback and record the attempt, so even a policy that
 * let one through would send nothing off this machine.
 */
@Timeout(60)
class SpecialPurposeAddressesWireTest {
  private final List<SocketAddress> attempts = new CopyOnWriteArrayList<>();

  /** Sockets that connect to loopback only, and note every other attempt. */
  private final SocketFactory loopbackOnly =
      new SocketFactory() {
        @Override
        public Socket createSocket() {
          return new Socket() {
            @Override
            public void connect(SocketAddress endpoint, int timeout) throws IOException {
              InetAddress address = ((InetSocketAddress) endpoint).getAddress();
              if (address == null || !address.isLoopbackAddress()) {
                attempts.add(endpoint);
                throw new IOException("the test refuses to connect to " + endpoint);
              }
              super.connect(endpoint, timeout);
            }
          };
        }

        // OkHttp asks for unconnected sockets only
        @Override
        public Socket createSocket(String host, int port) {
          throw new UnsupportedOperationException();
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress local, int localPort) {
          throw new UnsupportedOperationException();
        }

        @Override
        public Socket createSocket(InetAddress host, int port) {
          throw new UnsupportedOperationException();
        }

        @Override
        public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) {
          throw new UnsupportedOperationException();
        }
      };

  private ToolRegistry registry(boolean allowPrivate) {
    return ToolRegistry.builder()
        .approvals(ApprovalHandler.APPROVE_ALL)
        .environment(Map.of())
        .allowPrivateNetwork(allowPrivate)
        .httpClient(new OkHttpClient.Builder().socketFactory(loopbackOnly).build())
        .build();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "192.0.0.170", // IETF protocol assignments 192.0.0.0/24
        "192.0.2.1", // TEST-NET-1 192.0.2.0/24
        "198.51.100.1", // TEST-NET-2 198.51.100.0/24
        "203.0.113.1", // TEST-NET-3 203.0.113.0/24
        "198.18.0.1", // benchmarking 198.18.0.0/15
        "192.88.99.1", // deprecated 6to4 relay anycast 192.88.99.0/24
        "240.0.0.1", // reserved 240.0.0.0/4
        "255.255.255.255", // limited broadcast
        "[2001:db8::1]", // documentation 2001:db8::/32
        "[3fff::1]", // documentation 3fff::/20
        "[100::1]", // discard-only 100::/64
        "[2001::1]", // Teredo, in IETF protocol assignments 2001::/23
        "[2001:2::1]", // benchmarking 2001:2::/48
        "[64:ff9b:1::1]", // local-use IPv4/IPv6 translation 64:ff9b:1::/48
        "[::ffff:10.0.0.1]", // IPv4-mapped private
        "[::10.0.0.1]", // IPv4-compatible private
        "[64:ff9b::a00:1]", // NAT64 of 10.0.0.1
        "[2002:a00:1::1]", // 6to4 of 10.0.0.1
        "[2002:c000:201::1]", // 6to4 of 192.0.2.1
      })
  void anAddressOfASpecialPurposeRangeIsRefusedBeforeAnythingConnects(String host) {
    try (ToolRegistry registry = registry(false)) {
      ToolResult result =
          registry.call(
              "openapi.previewSpec", Json.object().put("spec", "http://" + host + "/openapi.json"));
      assertCode(result, "blocked_address");
      assertThat(result.error().message()).contains("private or loopback address");
    }
    assertThat(attempts).isEmpty();
  }

  @Test
  void aPublicAddressIsNotRefusedByThePolicy() {
    try (ToolRegistry registry = registry(false)) {
      ToolResult result =
          registry.call(
              "openapi.previewSpec",
              Json.object().put("spec", "http://[2001:4:112::1]/openapi.json")); // AS112-v6: global
      assertThat(result.error().code().wireName()).as("%s", result).isNotEqualTo("blocked_address");
    }
    assertThat(attempts).isNotEmpty(); // the sockets that stand guard did see it
  }
}
