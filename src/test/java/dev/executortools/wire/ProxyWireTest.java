package dev.executortools.wire;

import static dev.executortools.wire.Exfiltration.assertCode;
import static dev.executortools.wire.Registries.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.ApprovalHandler;
import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import dev.executortools.internal.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import okhttp3.Dns;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

/**
 * With a forward proxy configured, the address connected is the proxy's and the proxy resolves the
 * URL's host itself: a model-chosen URL is judged before the proxy gets it, on every hop. The proxy
 * is a {@link LoggingProxy} on loopback that would answer anything, so whatever reaches it is a
 * request that would have succeeded; names are resolved by a map or not at all (this machine has no
 * external DNS), and no request leaves loopback.
 */
@Timeout(60)
class ProxyWireTest {
  private static final List<String> PROXY_PROPERTIES =
      List.of("http.proxyHost", "http.proxyPort", "https.proxyHost", "https.proxyPort");

  /** Resolves like an intranet's DNS: one public name, internal ones, nothing else. */
  private static final Dns INTRANET_DNS =
      host ->
          switch (host) {
            case "api.example.test" -> List.of(InetAddress.getByName("93.184.215.14"));
            case "intranet.example.test" -> List.of(InetAddress.getByName("10.20.30.40"));
            case "localhost" -> List.of(InetAddress.getLoopbackAddress());
            default -> throw new UnknownHostException(host);
          };

  private LoggingProxy proxy;

  @BeforeEach
  void startProxy() throws IOException {
    proxy = new LoggingProxy();
  }

  @AfterEach
  void stopProxy() throws IOException {
    proxy.close();
  }

  private static ToolResult preview(ToolRegistry registry, String url) {
    return registry.call("openapi.previewSpec", Json.object().put("spec", url));
  }

  @Test
  void internalOrUnresolvableHostsNeverReachTheJvmsProxy() {
    withJvmProxy(
        () -> {
          try (ToolRegistry registry = Exfiltration.registry(false)) {
            for (String url :
                List.of(
                    "http://metadata.google.internal/computeMetadata/v1/",
                    "http://metadata/computeMetadata/v1/",
                    "http://instance-data/latest/meta-data/",
                    "https://metadata.google.internal/computeMetadata/v1/",
                    "http://169.254.169.254.nip.io/latest/meta-data/",
                    "http://no-such-host.invalid/spec.yaml",
                    "https://intranet.corp.invalid/openapi.json")) {
              assertCode(preview(registry, url), "blocked_address");
            }
          }
          assertThat(proxy.requestLines()).isEmpty();

          try (ToolRegistry allowed = Exfiltration.registry(true)) {
            assertCode(preview(allowed, "http://metadata.google.internal/"), "blocked_address");
            assertCode(
                preview(allowed, "http://169.254.169.254.nip.io/latest/"), "blocked_address");
            assertThat(proxy.requestLines()).isEmpty();

            // allowed: a name that cannot be judged goes to the proxy, which answers
            ToolResult unjudged = preview(allowed, "http://no-such-host.invalid/spec.yaml");
            assertThat(unjudged.ok()).as("%s", unjudged).isTrue();
            assertThat(proxy.requestLines())
                .containsExactly("GET http://no-such-host.invalid/spec.yaml HTTP/1.1");
          }
        });
  }

  /** Runs {@code body} with the JVM's proxy properties naming {@link #proxy}, restored after. */
  private void withJvmProxy(Runnable body) {
    Map<String, String> saved = new java.util.HashMap<>();
    for (String name : PROXY_PROPERTIES) saved.put(name, System.getProperty(name));
    try {
      System.setProperty("http.proxyHost", "127.0.0.1");
      System.setProperty("http.proxyPort", String.valueOf(proxy.port()));
      System.setProperty("https.proxyHost", "127.0.0.1");
      System.setProperty("https.proxyPort", String.valueOf(proxy.port()));
      body.run();
    } finally {
      saved.forEach(
          (name, value) -> {
            if (value == null) System.clearProperty(name);
            else System.setProperty(name, value);
          });
    }
  }

  /** The client's proxy set as a {@link Proxy} or through a {@link ProxySelector}. */
  private Consumer<OkHttpClient.Builder> proxyOf(String how) {
    Proxy chosen = proxy.proxy();
    return how.equals("proxy")
        ? builder -> builder.proxy(chosen)
        : builder ->
            builder.proxySelector(
                new ProxySelector() {
                  @Override
                  public List<Proxy> select(URI uri) {
                    return List.of(chosen);
                  }

                  @Override
                  public void connectFailed(URI uri, SocketAddress address, IOException e) {}
                });
  }

  private ToolRegistry registry(String how, boolean allowPrivate) {
    OkHttpClient.Builder client = new OkHttpClient.Builder().dns(INTRANET_DNS);
    proxyOf(how).accept(client);
    return ToolRegistry.builder()
        .approvals(ApprovalHandler.APPROVE_ALL)
        .environment(Map.of())
        .allowPrivateNetwork(allowPrivate)
        .httpClient(client.build())
        .build();
  }

  @ParameterizedTest(name = "a client with a {0}")
  @ValueSource(strings = {"proxy", "proxySelector"})
  void aHostIsResolvedAndJudgedHereBeforeTheProxyGetsIt(String how) {
    try (ToolRegistry registry = registry(how, false)) {
      ToolResult external = preview(registry, "http://api.example.test/spec.yaml");
      assertThat(external.ok()).as("%s", external).isTrue();
      assertThat(proxy.requestLines())
          .containsExactly("GET http://api.example.test/spec.yaml HTTP/1.1");

      for (String url :
          List.of(
              "http://intranet.example.test/spec.yaml",
              "https://intranet.example.test/spec.yaml",
              "http://localhost:1/spec.yaml",
              "http://metadata.google.internal/computeMetadata/v1/",
              "http://no-such-host.invalid/")) {
        ToolResult refused = preview(registry, url);
        assertCode(refused, "blocked_address");
        assertThat(refused.error().message()).as(url).doesNotContain("127.0.0.1:" + proxy.port());
      }
      assertThat(proxy.requestLines()).hasSize(1);
    }
    try (ToolRegistry allowed = registry(how, true)) {
      ToolResult loopback = preview(allowed, "http://localhost:1/spec.yaml");
      assertThat(loopback.ok()).as("%s", loopback).isTrue();
      assertThat(proxy.requestLines())
          .last()
          .isEqualTo("GET http://localhost:1/spec.yaml HTTP/1.1");
      assertCode(preview(allowed, "http://metadata.google.internal/"), "blocked_address");
      assertThat(proxy.requestLines()).hasSize(2);
    }
  }

  @Test
  void aRedirectThroughTheProxyIsJudgedBeforeItIsFollowed() {
    proxy.redirect("http://api.example.test/to-intranet", "http://intranet.example.test/spec.yaml");
    proxy.redirect("http://api.example.test/to-metadata", "http://metadata.google.internal/v1/");
    proxy.redirect("http://api.example.test/to-nowhere", "https://no-such-host.invalid/");
    try (ToolRegistry registry = registry("proxy", false)) {
      assertCode(preview(registry, "http://api.example.test/to-intranet"), "blocked_address");
      assertCode(preview(registry, "http://api.example.test/to-metadata"), "blocked_address");
      assertCode(preview(registry, "http://api.example.test/to-nowhere"), "blocked_address");
    }
    assertThat(proxy.requestLines())
        .containsExactly(
            "GET http://api.example.test/to-intranet HTTP/1.1",
            "GET http://api.example.test/to-metadata HTTP/1.1",
            "GET http://api.example.test/to-nowhere HTTP/1.1");
  }

  @Test
  void aPerCallServerAndARedirectFromTheUsersBaseUrlAreJudgedThroughTheProxyToo() {
    proxy.redirect("http://api.example.test/items", "http://metadata.google.internal/v1/");
    ObjectNode args =
        Json.object()
            .put("spec", Exfiltration.spec("- url: https://api.example.com"))
            .put("namespace", "items")
            .put("baseUrl", "http://api.example.test");
    try (ToolRegistry registry = registry("proxy", false)) {
      assertThat(registry.call("openapi.addSource", args).ok()).isTrue();
      assertCode(
          registry.call(
              "items.items.listItems",
              json("{\"server\": {\"url\": \"http://intranet.example.test\"}}")),
          "blocked_address");
      assertThat(proxy.requestLines()).isEmpty();

      assertCode(registry.call("items.items.listItems", json("{}")), "blocked_address");
      assertThat(proxy.requestLines())
          .containsExactly("GET http://api.example.test/items HTTP/1.1");
    }
  }
}
