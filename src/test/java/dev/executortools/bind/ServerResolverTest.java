package dev.executortools.bind;

import static dev.executortools.bind.Bindings.json;
import static dev.executortools.bind.Bindings.server;
import static dev.executortools.bind.Bindings.withServers;
import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.compile.HttpBinding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ServerResolverTest {
  private static final HttpBinding REGIONAL =
      withServers(
          server("https://{region}.api.test/{version}", Map.of("region", "us", "version", "v1")),
          server("https://backup.test", Map.of()));

  private static BoundRequest bind(HttpBinding binding, String arguments, String sourceBaseUrl) {
    return RequestPlan.of(binding).bind(json(arguments), BindContext.withBaseUrl(sourceBaseUrl));
  }

  private static String url(HttpBinding binding, String arguments, String sourceBaseUrl) {
    BoundRequest bound = bind(binding, arguments, sourceBaseUrl);
    assertThat(bound.error()).isNull();
    return bound.request().url();
  }

  private static JsonNode errors(HttpBinding binding, String arguments, String sourceBaseUrl) {
    BoundRequest bound = bind(binding, arguments, sourceBaseUrl);
    assertThat(bound.request()).isNull();
    return bound.error().details().get("errors");
  }

  @Test
  void perCallUrlWinsAndItsVariablesAreFilled() {
    String arguments =
        "{\"server\": {\"url\": \"https://{tenant}.other.test/base\", \"variables\": {\"tenant\":"
            + " \"acme\"}}}";

    assertThat(url(REGIONAL, arguments, "https://source.test"))
        .isEqualTo("https://acme.other.test/base/pets");
  }

  @Test
  void perCallUrlOfADeclaredServerTakesThatServersDefaults() {
    String arguments =
        "{\"server\": {\"url\": \"https://{region}.api.test/{version}\", \"variables\":"
            + " {\"region\": \"eu\"}}}";

    assertThat(url(REGIONAL, arguments, null)).isEqualTo("https://eu.api.test/v1/pets");
  }

  @Test
  void perCallVariablesApplyToTheFirstServerBeforeTheSourceBaseUrl() {
    String arguments = "{\"server\": {\"variables\": {\"region\": \"eu\", \"version\": \"v2\"}}}";

    assertThat(url(REGIONAL, arguments, "https://source.test"))
        .isEqualTo("https://eu.api.test/v2/pets");
  }

  @Test
  void perCallVariablesFillATemplatedSourceBaseUrlInsteadOfTheSpecServer() {
    String arguments = "{\"server\": {\"variables\": {\"region\": \"eu\"}}}";

    assertThat(url(REGIONAL, arguments, "http://proxy.test/{region}"))
        .isEqualTo("http://proxy.test/eu/pets");
  }

  @Test
  void sourceBaseUrlWinsOverDeclaredServers() {
    assertThat(url(REGIONAL, "{}", "https://source.test/root"))
        .isEqualTo("https://source.test/root/pets");
  }

  @Test
  void firstServerWithVariableDefaultsIsTheLastResort() {
    assertThat(url(REGIONAL, "{}", null)).isEqualTo("https://us.api.test/v1/pets");
  }

  @Test
  void relativeServerUrlIsResolvedAgainstTheSourceBaseUrl() {
    HttpBinding relative = withServers(server("/{version}", Map.of("version", "v2")));

    assertThat(
            url(
                relative,
                "{\"server\": {\"variables\": {\"version\": \"v3\"}}}",
                "https://h.test/app"))
        .isEqualTo("https://h.test/v3/pets");
    assertThat(url(relative, "{\"server\": {\"url\": \"/beta\"}}", "https://h.test/app"))
        .isEqualTo("https://h.test/beta/pets");
  }

  @Test
  void relativeServerUrlWithoutASourceBaseUrlIsRefused() {
    assertThat(errors(withServers(server("/v2", Map.of())), "{}", null))
        .isEqualTo(
            json(
                """
                [{"path": "/server", "message": "no absolute http(s) base URL (a relative server URL needs\
                 the source's baseUrl): pass server.url or set the source's baseUrl"}]\
                """));
  }

  @Test
  void noServerAtAllIsRefused() {
    assertThat(errors(withServers(), "{}", null))
        .isEqualTo(
            json(
                """
                [{"path": "/server", "message": "no base URL: pass server.url or set the source's baseUrl"}]\
                """));
  }

  @Test
  void unfilledServerVariableIsRefusedByName() {
    HttpBinding binding = withServers(server("https://oidc.{region}.amazonaws.com", Map.of()));

    assertThat(errors(binding, "{}", null))
        .isEqualTo(
            json(
                """
                [{"path": "/server/variables/region",
                  "message": "server variable 'region' has no value: pass server.variables.region"}]\
                """));
    assertThat(url(binding, "{\"server\": {\"variables\": {\"region\": \"eu-west-1\"}}}", null))
        .isEqualTo("https://oidc.eu-west-1.amazonaws.com/pets");
  }

  @Test
  void aSourceCanPlugInItsOwnResolver() {
    ServerResolver regional =
        (requested, sourceBaseUrl, servers) -> {
          String region =
              requested == null ? "us-east-1" : requested.at("/variables/region").asString();
          return "https://oidc." + region + ".amazonaws.com";
        };

    BoundRequest bound =
        RequestPlan.of(REGIONAL)
            .bind(
                json("{\"server\": {\"variables\": {\"region\": \"cn-north-1\"}}}"),
                new BindContext(null, regional));

    assertThat(bound.request().url()).isEqualTo("https://oidc.cn-north-1.amazonaws.com/pets");
  }

  @Test
  void defaultResolverCanBeCalledDirectly() {
    assertThat(ServerResolver.DEFAULT.baseUrl(null, null, List.of())).isNull();
    assertThat(ServerResolver.DEFAULT.baseUrl(null, "https://s.test", List.of()))
        .isEqualTo("https://s.test");
  }
}
