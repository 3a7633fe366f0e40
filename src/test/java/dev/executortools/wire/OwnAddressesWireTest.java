package dev.executortools.wire;

import static dev.executortools.wire.Exfiltration.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import dev.executortools.internal.Json;
import dev.executortools.net.AddressClass;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A service listening on the wildcard address answers on every address of the machine, not only on
 * loopback: a model-chosen URL naming one of the machine's own interface addresses is refused like
 * loopback unless the user allows private addresses. Only this machine's addresses are used.
 */
@Timeout(60)
class OwnAddressesWireTest {
  private HttpServer listener;
  private final AtomicInteger requests = new AtomicInteger();

  @BeforeEach
  void listenOnEveryAddress() throws Exception {
    listener = HttpServer.create(new InetSocketAddress(0), 0); // the wildcard address
    byte[] spec =
        Exfiltration.spec("- url: https://api.example.com").getBytes(StandardCharsets.UTF_8);
    listener.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          exchange.sendResponseHeaders(200, spec.length);
          exchange.getResponseBody().write(spec);
          exchange.close();
        });
    listener.start();
  }

  @AfterEach
  void stop() {
    listener.stop(0);
  }

  /** The machine's own addresses a URL can name: not loopback, not link-local (scoped). */
  private static List<InetAddress> ownAddresses() throws Exception {
    List<InetAddress> own = new ArrayList<>();
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      for (InetAddress address : Collections.list(nic.getInetAddresses())) {
        if (!address.isLoopbackAddress() && !address.isLinkLocalAddress()) own.add(address);
      }
    }
    return own;
  }

  private String url(InetAddress address) throws Exception {
    String host =
        address instanceof Inet6Address
            ? "[" + InetAddress.getByAddress(address.getAddress()).getHostAddress() + "]"
            : address.getHostAddress();
    return "http://" + host + ":" + listener.getAddress().getPort() + "/spec.yaml";
  }

  @Test
  void eachOfTheMachinesOwnAddressesIsRefusedLikeLoopbackUnlessTheUserAllowsIt() throws Exception {
    List<InetAddress> own = ownAddresses();
    Assumptions.assumeFalse(own.isEmpty(), "this machine has no non-loopback interface address");
    for (InetAddress address : own) {
      String url = url(address);
      try (ToolRegistry registry = Exfiltration.registry(false)) {
        ToolResult refused = registry.call("openapi.previewSpec", Json.object().put("spec", url));
        assertCode(refused, "blocked_address");
        if (AddressClass.of(address) == AddressClass.PUBLIC) { // not refused for its range
          assertThat(refused.error().message()).contains("is an address of this machine");
        }
        assertThat(requests).as("requests to %s", url).hasValue(0);
      }
      try (ToolRegistry allowed = Exfiltration.registry(true)) {
        ToolResult reached = allowed.call("openapi.previewSpec", Json.object().put("spec", url));
        assertThat(reached.ok()).as("%s: %s", url, reached).isTrue();
        assertThat(requests).as("requests to %s", url).hasValue(1);
      }
      requests.set(0);
    }
  }
}
