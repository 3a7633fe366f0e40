package dev.executortools.bind;

import static dev.executortools.bind.Bindings.bindOk;
import static dev.executortools.bind.Bindings.body;
import static dev.executortools.bind.Bindings.withBody;
import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.compile.CompileOptions;
import dev.executortools.compile.CompiledSource;
import dev.executortools.compile.CompiledTool;
import dev.executortools.compile.HttpBinding;
import dev.executortools.compile.ToolCompiler;
import dev.executortools.extract.MediaTypeSpec;
import dev.executortools.internal.Json;
import dev.executortools.parse.SpecReader;
import dev.executortools.testing.Corpus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Request bodies declared by real specs of the test corpus. */
class RequestPlanCorpusTest {
  private static JsonNode stripe;

  @BeforeAll
  static void readStripe() throws IOException {
    stripe = spec("stripe.com__2020-08-27.openapi.yaml");
  }

  private static JsonNode spec(String file) throws IOException {
    try (InputStream in = RequestPlanCorpusTest.class.getResourceAsStream("/corpus/" + file)) {
      return YAMLMapper.builder().build().readTree(in);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "github.com__api.github.com__1.1.4.openapi.yaml",
        "gitlab.com__v3.swagger.yaml",
        "bitbucket.org__2.0.openapi.yaml",
        "adyen.com__CheckoutService__68.openapi31.yaml",
        "httpbin.org__0.9.2.openapi.yaml"
      })
  void everyCompiledToolBindsItsPathParametersIntoAValidUrl(String file) throws Exception {
    CompiledSource source =
        ToolCompiler.compile(
            SpecReader.read(Corpus.read(file)), null, CompileOptions.forNamespace("ns"));

    for (CompiledTool tool : source.tools()) {
      HttpBinding binding = tool.binding();
      ObjectNode arguments = Json.object();
      binding.params().stream()
          .filter(param -> param.param().location().equals("path"))
          .forEach(param -> arguments.put(param.property(), "a b/c"));
      BoundRequest bound =
          RequestPlan.of(binding).bind(arguments, BindContext.withBaseUrl("https://api.test/v1"));

      if (bound.isOk()) {
        assertThat(bound.request().url())
            .as(tool.tool().id())
            .startsWith("https://api.test/v1/")
            .doesNotContain("{", "}", "a b", "/c/");
        assertThat(okhttp3.HttpUrl.get(bound.request().url()).toString())
            .isEqualTo(bound.request().url());
      } else {
        assertThat(bound.error().details().findValuesAsString("path"))
            .as(tool.tool().id() + " " + bound.error().message())
            .allMatch(path -> path.startsWith("/body"));
      }
    }
  }

  @Test
  void stripeCreateCustomerFormUsesItsDeclaredDeepObjectEncoding() {
    JsonNode form =
        stripe.at(
            "/paths/~1v1~1customers/post/requestBody/content/application~1x-www-form-urlencoded");
    MediaTypeSpec mediaType =
        new MediaTypeSpec(
            "application/x-www-form-urlencoded", form.get("schema"), form.get("encoding"));

    HttpRequestSpec request =
        bindOk(
            withBody(body(false, mediaType)),
            """
            {"body": {"email": "a@b.test", "metadata": {"order_id": "6735"},
                      "address": {"city": "Oslo", "line1": "Karl Johans gate 1"},
                      "expand": ["sources", "tax"], "preferred_locales": ["nb"],
                      "tax_id_data": [{"type": "eu_vat", "value": "NO123"}]}}\
            """);

    assertThat(new String(request.body(), StandardCharsets.UTF_8))
        .isEqualTo(
            "email=a%40b.test&metadata[order_id]=6735"
                + "&address[city]=Oslo&address[line1]=Karl%20Johans%20gate%201"
                + "&expand[0]=sources&expand[1]=tax&preferred_locales[0]=nb"
                + "&tax_id_data[0][type]=eu_vat&tax_id_data[0][value]=NO123");
    assertThat(request.contentType()).isEqualTo("application/x-www-form-urlencoded");
  }

  @Test
  void stripeFileUploadSplitsDeepObjectPropertiesIntoParts() {
    JsonNode multipart =
        stripe.at("/paths/~1v1~1files/post/requestBody/content/multipart~1form-data");
    MediaTypeSpec mediaType =
        new MediaTypeSpec(
            "multipart/form-data", multipart.get("schema"), multipart.get("encoding"));

    HttpRequestSpec request =
        bindOk(
            withBody(body(true, mediaType)),
            """
            {"body": {"purpose": "dispute_evidence",
                      "file": {"base64": "JVBERi0=", "filename": "receipt.pdf",
                               "contentType": "application/pdf"},
                      "file_link_data": {"create": true}, "expand": ["links"]}}\
            """);

    String text = new String(request.body(), StandardCharsets.UTF_8).replace("\r\n", "\n");
    assertThat(text)
        .contains(
            "Content-Disposition: form-data; name=\"purpose\"\n\ndispute_evidence\n",
            "Content-Disposition: form-data; name=\"file\"; filename=\"receipt.pdf\"\n"
                + "Content-Type: application/pdf\n\n%PDF-\n",
            "Content-Disposition: form-data; name=\"file_link_data[create]\"\n\ntrue\n",
            "Content-Disposition: form-data; name=\"expand[0]\"\n\nlinks\n");
  }
}
