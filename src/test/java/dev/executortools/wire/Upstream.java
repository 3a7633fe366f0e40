package dev.executortools.wire;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The upstream API of the wire tests: a WireMock server on loopback (dynamic port) that records
 * every request it receives. By default it answers anything with {@code 200 {"ok":true}}; tests add
 * their own stubs for other replies.
 */
final class Upstream implements AutoCloseable {
  static final String DEFAULT_REPLY = "{\"ok\":true}";

  private final WireMockServer server;
  private final String address;

  private Upstream(String address) {
    this.address = address;
    server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress(address));
    server.start();
    reset();
  }

  static Upstream start() {
    return new Upstream("127.0.0.1");
  }

  /**
   * An upstream on another loopback address ({@code 127.0.0.2}): on Linux every 127/8 address is
   * loopback, so two upstreams stand in for two hosts (a trusted and a foreign one).
   */
  static Upstream startOn(String address) {
    return new Upstream(address);
  }

  /** {@code http://127.0.0.1:<port>} (or the address it was started on), no trailing slash. */
  String baseUrl() {
    return "http://" + address + ":" + server.port();
  }

  int port() {
    return server.port();
  }

  /** Forgets requests and stubs, and answers everything with the default reply again. */
  void reset() {
    server.resetAll();
    server.stubFor(
        any(anyUrl())
            .atPriority(10)
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(DEFAULT_REPLY)));
  }

  void stub(MappingBuilder mapping) {
    server.stubFor(mapping);
  }

  /** Every request received since the last reset, oldest first. */
  List<LoggedRequest> requests() {
    List<LoggedRequest> requests =
        new ArrayList<>(server.getAllServeEvents().stream().map(ServeEvent::getRequest).toList());
    Collections.reverse(requests); // WireMock lists the newest first
    return requests;
  }

  /** The one request received since the last reset (fails when there were none or several). */
  LoggedRequest onlyRequest() {
    List<LoggedRequest> requests = requests();
    assertThat(requests).as("requests received by the upstream").hasSize(1);
    return requests.get(0);
  }

  @Override
  public void close() {
    server.stop();
  }
}
