package dev.executortools.wire;

import static dev.executortools.wire.Registries.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import dev.executortools.internal.Json;
import dev.executortools.testing.Corpus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Path, query, header and cookie parameters of every style, from {@code wire/cookies.yaml}, as the
 * server receives them: the exact request target and the exact Cookie header.
 */
class ParameterStylesWireTest {
  private static final String TOOL = "styles.items.getItemVersion";
  private static Upstream upstream;
  private static ToolRegistry registry;

  @BeforeAll
  static void start() {
    upstream = Upstream.start();
    registry =
        Registries.withSource(
            Corpus.resource("/wire/cookies.yaml"),
            Json.object().put("namespace", "styles").put("baseUrl", upstream.baseUrl()));
  }

  @AfterAll
  static void stop() {
    registry.close();
    upstream.close();
  }

  @BeforeEach
  void reset() {
    upstream.reset();
  }

  @Test
  void everyStyleReachesTheServerSpelledAsTheStyleTableSays() {
    ToolResult result =
        registry.call(
            TOOL,
            json(
                """
                {"id": "a/b c", "label": ["x", "y"], "matrix": {"r": "1", "g": "2"},
                 "ids": [1, 2, 3], "words": ["a", "b"], "pipes": ["x", "y"],
                 "filter": {"status": "open", "owner": "me"},
                 "q": "50% off & more=yes/no é", "tag": ["one", "two"]}
                """));

    assertThat(result.ok()).as("%s", result).isTrue();
    LoggedRequest request = upstream.onlyRequest();
    assertThat(request.getMethod().value()).isEqualTo("GET");
    assertThat(request.getUrl())
        .isEqualTo(
            "/items/a%2Fb%20c/.x,y/versions/;r=1;g=2"
                + "?ids=1,2,3&words=a%20b&pipes=x%7Cy"
                + "&filter%5Bstatus%5D=open&filter%5Bowner%5D=me"
                + "&q=50%25%20off%20%26%20more%3Dyes%2Fno%20%C3%A9"
                + "&tag=one&tag=two");
    assertThat(request.getBody()).isEmpty();
    assertThat(request.containsHeader("Content-Type")).isFalse();
    assertThat(request.containsHeader("Cookie")).isFalse();
  }

  @Test
  void cookiesGoInOneCookieHeaderWithTheirValuesPercentEncoded() {
    ToolResult result =
        registry.call(
            TOOL,
            json(
                """
                {"id": "1", "label": ["x"], "matrix": {"r": "1"},
                 "session": "abc;def ghi", "prefs": ["dark", "compact"]}
                """));

    assertThat(result.ok()).as("%s", result).isTrue();
    LoggedRequest request = upstream.onlyRequest();
    assertThat(request.getHeaders().getHeader("Cookie").values())
        .containsExactly("session=abc%3Bdef%20ghi; prefs=dark,compact");
    assertThat(request.getCookies().get("session").getValue()).isEqualTo("abc%3Bdef%20ghi");
    // The style table's comma is kept, as OpenAPI 3.0/3.1 spell it. ',' is no RFC 6265
    // cookie-octet, though, and a strict parser (this server's Jetty) drops such a cookie.
    assertThat(request.getUrl()).isEqualTo("/items/1/.x/versions/;r=1");
  }

  @Test
  void headerParametersAreSentInSimpleStyle() {
    ToolResult result =
        registry.call(
            TOOL,
            json(
                """
                {"id": "1", "label": ["x"], "matrix": {"r": "1"},
                 "X-Request-Id": "req-42", "X-Tags": ["red", "green"], "X-Dims": {"w": 3, "h": 4}}
                """));

    assertThat(result.ok()).as("%s", result).isTrue();
    LoggedRequest request = upstream.onlyRequest();
    assertThat(request.getHeaders().getHeader("X-Request-Id").values()).containsExactly("req-42");
    assertThat(request.getHeaders().getHeader("X-Tags").values()).containsExactly("red,green");
    assertThat(request.getHeaders().getHeader("X-Dims").values()).containsExactly("w=3,h=4");
  }
}
