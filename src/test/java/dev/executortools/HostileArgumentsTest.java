package dev.executortools;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import dev.executortools.internal.Json;
import dev.executortools.testing.Corpus;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Arguments as a careless or hostile model might send them, against real tools (Stripe, Telegram,
 * GitHub) whose sources point at a loopback server answering 200 to anything (the JDK's HTTP
 * server, which records requests as they came; WireMock's Jetty refuses some well-formed ones
 * itself, such as a path segment {@code ..%2F..} or {@code %00}, before they could be recorded).
 * Each call is either refused before sending (a clear error value, and the server received nothing)
 * or sends exactly one well-formed request: the tool's method, its path template with each
 * parameter one non-empty percent-encoded segment, a URL of legal characters only, no header
 * smuggled in through a value, and a JSON body that parses. Never an internal error or an
 * exception.
 */
@Timeout(120)
class HostileArgumentsTest {
  /** A request as the loopback server received it. */
  record Received(String method, String url, Headers headers, byte[] body) {}

  private final List<Received> received = new CopyOnWriteArrayList<>();
  private HttpServer upstream;

  @BeforeEach
  void startUpstream() throws IOException {
    upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    upstream.createContext(
        "/",
        exchange -> {
          try (exchange) {
            received.add(
                new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders(),
                    exchange.getRequestBody().readAllBytes()));
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(
                200, exchange.getRequestMethod().equals("HEAD") ? -1 : body.length);
            if (!exchange.getRequestMethod().equals("HEAD")) exchange.getResponseBody().write(body);
          }
        });
    upstream.start();
  }

  @AfterEach
  void stopUpstream() {
    upstream.stop(0);
  }

  /** What a call may be refused with before anything is sent. */
  private static final Set<ErrorCode> REFUSED = EnumSet.of(ErrorCode.INVALID_ARGUMENTS);

  /** RFC 3986 characters of a path and query, besides letters, digits and %XX. */
  private static final String URL_PUNCTUATION = "-._~!$&'()*+,;=:@/?";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String[] STRINGS = {
    "",
    "a\r\nInjected: yes",
    "../../etc/passwd",
    "%2e%2e/%00",
    "{id}",
    "😀\u0000\u202e",
    "x".repeat(10_000),
    "https://evil.example/",
    "AAEC",
    "data:text/plain;base64,aGk=",
    " ",
    "\t",
    "..",
    ".",
    "a/../../b",
    "?x=1#f",
    "%"
  };

  private final Random random = new Random(42);

  private JsonNode value(int depth) {
    return switch (random.nextInt(depth > 3 ? 6 : 9)) {
      case 0 -> NODES.nullNode();
      case 1 -> NODES.booleanNode(random.nextBoolean());
      case 2 -> NODES.numberNode(random.nextLong());
      case 3 -> NODES.numberNode(new java.math.BigDecimal("1e400"));
      case 4, 5 -> NODES.stringNode(STRINGS[random.nextInt(STRINGS.length)]);
      case 6 -> {
        ArrayNode array = Json.array();
        for (int i = random.nextInt(4); i > 0; i--) array.add(value(depth + 1));
        yield array;
      }
      default -> {
        ObjectNode object = Json.object();
        for (int i = random.nextInt(4); i > 0; i--)
          object.set(STRINGS[random.nextInt(STRINGS.length)], value(depth + 1));
        yield object;
      }
    };
  }

  /**
   * Arguments shaped like the tool's schema: half the time any value under its property names, half
   * the time values of the declared simple types (so they pass validation and reach binding)
   * carrying hostile strings.
   */
  private ObjectNode arguments(Tool tool) {
    ObjectNode args = Json.object();
    boolean typed = random.nextBoolean();
    JsonNode properties = tool.inputSchema().path("properties");
    java.util.Set<String> required = new java.util.HashSet<>();
    tool.inputSchema().path("required").forEach(r -> required.add(r.asString()));
    for (String property : properties.propertyNames()) {
      if (!required.contains(property) && random.nextInt(3) == 0) continue;
      if (property.equals("server") || property.equals("contentType")) continue;
      args.set(property, typed ? typedValue(properties.get(property)) : value(0));
    }
    return args;
  }

  private JsonNode typedValue(JsonNode schema) {
    String string = STRINGS[random.nextInt(STRINGS.length)];
    return switch (schema.path("type").asString("")) {
      case "integer" -> NODES.numberNode(random.nextInt(1000));
      case "number" -> NODES.numberNode(random.nextDouble());
      case "boolean" -> NODES.booleanNode(random.nextBoolean());
      case "array" -> Json.array().add(string).add(string.toUpperCase(java.util.Locale.ROOT));
      case "object" -> Json.object().put("k", string).put(string, "v");
      default -> NODES.stringNode(string);
    };
  }

  @Test
  void hostileArgumentsAreRefusedOrSentWellFormed() {
    String baseUrl = "http://127.0.0.1:" + upstream.getAddress().getPort();
    try (ToolRegistry registry =
        ToolRegistry.builder().approvals(ApprovalHandler.APPROVE_ALL).build()) {
      for (String file :
          List.of(
              "stripe.com__2020-08-27.openapi.yaml",
              "telegram.org__5.0.0.openapi.yaml",
              "github.com__api.github.com__1.1.4.openapi.yaml")) {
        ToolResult added =
            registry.addSource(
                Json.object()
                    .put("spec", Corpus.read(file))
                    .put("namespace", file.substring(0, 6).replace('.', '_'))
                    .put("baseUrl", baseUrl));
        assertThat(added.ok()).as("%s", added).isTrue();
      }
      List<Tool> tools = new ArrayList<>(registry.tools());
      List<String> broken = new ArrayList<>();
      int sent = 0;
      int refused = 0;
      for (int i = 0; i < 1500; i++) {
        Tool tool = tools.get(random.nextInt(tools.size()));
        if (tool.id().startsWith("openapi.") || tool.annotations().method() == null) continue;
        ObjectNode args = arguments(tool);
        received.clear();
        ToolResult result = registry.call(tool.id(), args);
        String call =
            tool.id() + " " + abbreviate(args.toString()) + " → " + abbreviate(result.toString());
        if (!result.ok()) {
          if (!REFUSED.contains(result.error().code())) broken.add("unexpected error: " + call);
          else if (!received.isEmpty())
            broken.add("refused, but sent " + received.get(0).url() + ": " + call);
          else refused++;
        } else if (received.size() != 1) {
          broken.add(received.size() + " requests: " + call);
        } else {
          String problem = malformed(tool, received.get(0));
          if (problem != null) broken.add(problem + ": " + call);
          sent++;
        }
      }
      assertThat(broken).isEmpty();
      assertThat(sent)
          .as("calls that passed validation and binding and were received")
          .isGreaterThan(100);
      assertThat(refused).as("calls refused before sending").isGreaterThan(100);
    }
  }

  /**
   * {@code DELETE /gists/{gist_id}} with "" would be {@code DELETE /gists/}: refused, nothing sent.
   */
  @Test
  void anEmptyPathParameterIsRefusedBeforeSending() {
    try (ToolRegistry registry =
        ToolRegistry.builder().approvals(ApprovalHandler.APPROVE_ALL).build()) {
      ToolResult added =
          registry.addSource(
              Json.object()
                  .put("spec", Corpus.read("github.com__api.github.com__1.1.4.openapi.yaml"))
                  .put("namespace", "github")
                  .put("baseUrl", "http://127.0.0.1:" + upstream.getAddress().getPort()));
      assertThat(added.ok()).as("%s", added).isTrue();

      ToolResult result = registry.call("github.gists.delete", Json.object().put("gist_id", ""));

      assertThat(result.ok()).as("%s", result).isFalse();
      assertThat(result.error().code()).isEqualTo(ErrorCode.INVALID_ARGUMENTS);
      assertThat(result.error().message()).contains("must not be empty");
      assertThat(received).isEmpty();
      assertThat(registry.call("github.gists.delete", Json.object().put("gist_id", "abc")).ok())
          .isTrue();
      assertThat(received)
          .extracting(Received::method, Received::url)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("DELETE", "/gists/abc"));
    }
  }

  /** What is wrong with a received request, or null when it is what the tool should send. */
  private static String malformed(Tool tool, Received request) {
    String method = tool.annotations().method().toUpperCase(java.util.Locale.ROOT);
    if (!request.method().equals(method)) return "method " + request.method();
    String url = request.url();
    if (!legalUrl(url)) return "illegal characters in " + abbreviate(url);
    String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
    if (!pathPattern(tool.annotations().pathTemplate()).matcher(path).matches()) {
      return "path " + abbreviate(path) + " is not " + tool.annotations().pathTemplate();
    }
    for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
      if (header.getKey().equalsIgnoreCase("Injected")) return "smuggled header " + header.getKey();
      for (String value : header.getValue()) {
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0)
          return "line break in header " + header.getKey();
      }
    }
    String contentType = request.headers().getFirst("Content-Type");
    if (contentType != null && contentType.startsWith("application/json")) {
      try {
        Json.parse(new String(request.body(), StandardCharsets.UTF_8));
      } catch (RuntimeException e) {
        return "JSON body does not parse";
      }
    }
    return null;
  }

  private static boolean legalUrl(String url) {
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c == '%') {
        if (i + 2 >= url.length()
            || Character.digit(url.charAt(i + 1), 16) < 0
            || Character.digit(url.charAt(i + 2), 16) < 0) return false;
        i += 2;
      } else if (!(c < 128 && Character.isLetterOrDigit(c)) && URL_PUNCTUATION.indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  /** The template with each {name} as one non-empty segment, the rest literal. */
  private static Pattern pathPattern(String template) {
    StringBuilder regex = new StringBuilder();
    java.util.regex.Matcher variable = Pattern.compile("\\{[^}]*}").matcher(template);
    int at = 0;
    while (variable.find()) {
      regex.append(Pattern.quote(template.substring(at, variable.start()))).append("[^/?#]+");
      at = variable.end();
    }
    return Pattern.compile(regex.append(Pattern.quote(template.substring(at))).toString());
  }

  private static String abbreviate(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}
