package dev.executortools.spring;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.executortools.spring.ScriptedChatModel.callTool;
import static dev.executortools.spring.ScriptedChatModel.lastToolResponse;
import static dev.executortools.spring.ScriptedChatModel.say;
import static dev.executortools.spring.ScriptedChatModel.toolNames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.executortools.ApprovalHandler;
import dev.executortools.ToolRegistry;
import dev.executortools.cli.Main;
import dev.executortools.internal.Json;
import dev.executortools.testing.Corpus;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.ToolCallbackProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * A Spring Boot context with the auto-configuration and {@code executor-tools.home} set: the {@link
 * ToolCallbackProvider} bean, and {@link ChatClient} round trips through it with a scripted model
 * whose tool calls reach WireMock.
 */
class ExecutorToolsAutoConfigurationTest {
  @RegisterExtension
  static final WireMockExtension upstream =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  @TempDir Path home;
  private ApplicationContextRunner context;

  @BeforeEach
  void setUp() {
    context =
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ExecutorToolsAutoConfiguration.class))
            .withPropertyValues("executor-tools.home=" + home);
    upstream.stubFor(get(urlPathEqualTo("/items")).willReturn(okJson("[\"first\", \"second\"]")));
    upstream.stubFor(post(urlEqualTo("/items")).willReturn(okJson("{\"created\": true}")));
  }

  private void addItemsSource(ApplicationContext app) {
    app.getBean(ToolRegistry.class)
        .addSource(
            Json.object()
                .put("spec", Corpus.resource("/specs/items-v1.yaml"))
                .put("namespace", "items")
                .put("baseUrl", upstream.baseUrl()));
  }

  private static String ask(ApplicationContext app, ScriptedChatModel model, String question) {
    return ChatClient.create(model)
        .prompt()
        .user(question)
        .toolCallbacks(app.getBean(ToolCallbackProvider.class))
        .call()
        .content();
  }

  @Test
  void theAutoConfigurationIsRegisteredForSpringBoot() {
    assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()))
        .contains(ExecutorToolsAutoConfiguration.class.getName());
  }

  @Test
  void theProviderBeanListsTheFiveTools() {
    context.run(
        app -> {
          ToolCallback[] callbacks = app.getBean(ToolCallbackProvider.class).getToolCallbacks();
          assertThat(Arrays.stream(callbacks).map(c -> c.getToolDefinition().name()))
              .containsExactlyInAnyOrder(
                  "client_registerClient",
                  "deviceAuthorization_startDeviceAuthorization",
                  "openapi_addSource",
                  "openapi_previewSpec",
                  "token_createToken");
          ToolCallback preview =
              Arrays.stream(callbacks)
                  .filter(c -> c.getToolDefinition().name().equals("openapi_previewSpec"))
                  .findFirst()
                  .orElseThrow();
          JsonNode schema = Json.parse(preview.getToolDefinition().inputSchema());
          assertThat(schema.path("required").toString()).isEqualTo("[\"spec\"]");
        });
  }

  @Test
  void withoutAHomeThereIsNoProvider() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ExecutorToolsAutoConfiguration.class))
        .run(app -> assertThat(app).doesNotHaveBean(ToolCallbackProvider.class));
  }

  @Test
  void aChatClientRoundTripCallsAToolOfASourceAddedWhileTheAppRuns() {
    context.run(
        app -> {
          addItemsSource(app);
          ScriptedChatModel model =
              new ScriptedChatModel(
                  callTool("items_items_listItems", "{\"limit\": 2}"), say("two"));

          assertThat(ask(app, model, "List two items.")).isEqualTo("two");

          assertThat(toolNames(model.prompts.get(0))).contains("items_items_listItems");
          JsonNode result = Json.parse(lastToolResponse(model.prompts.get(1)));
          assertThat(result.path("ok").asBoolean()).as("%s", result).isTrue();
          assertThat(result.path("data").toString()).isEqualTo("[\"first\",\"second\"]");
          upstream.verify(getRequestedFor(urlEqualTo("/items?limit=2")));
        });
  }

  @Test
  void aToolThatRequiresApprovalIsRefusedByDefaultAndNothingIsSent() {
    context.run(
        app -> {
          addItemsSource(app);
          ScriptedChatModel model =
              new ScriptedChatModel(
                  callTool("items_items_createItem", "{\"body\": {\"name\": \"x\"}}"),
                  say("refused"));

          ask(app, model, "Create an item.");

          JsonNode result = Json.parse(lastToolResponse(model.prompts.get(1)));
          assertThat(result.path("error").path("code").asString()).isEqualTo("approval_required");
          upstream.verify(0, anyRequestedFor(anyUrl()));
        });
  }

  @Test
  void anApprovalHandlerBeanIsAskedBeforeToolsThatRequireApproval() {
    context
        .withBean(
            ApprovalHandler.class, () -> (tool, args) -> tool.id().equals("items.items.createItem"))
        .run(
            app -> {
              addItemsSource(app);
              ScriptedChatModel model =
                  new ScriptedChatModel(
                      callTool("items_items_createItem", "{\"body\": {\"name\": \"x\"}}"),
                      say("created"));

              ask(app, model, "Create an item.");

              JsonNode result = Json.parse(lastToolResponse(model.prompts.get(1)));
              assertThat(result.path("ok").asBoolean()).as("%s", result).isTrue();
              upstream.verify(postRequestedFor(urlEqualTo("/items")));
            });
  }

  @Test
  void aToolBlockedByARuleAfterItWasOfferedIsRefusedAndNothingIsSent() {
    context.run(
        app -> {
          addItemsSource(app);
          ScriptedChatModel model =
              new ScriptedChatModel(
                  prompt -> {
                    // a person blocks the tool while the request is under way
                    assertThat(
                            Main.run(
                                "--home",
                                home.toString(),
                                "policies",
                                "add",
                                "items.items.listItems",
                                "block"))
                        .isZero();
                    return callTool("items_items_listItems", "{}").apply(prompt);
                  },
                  say("blocked"));

          ask(app, model, "List the items.");

          assertThat(toolNames(model.prompts.get(0))).contains("items_items_listItems");
          JsonNode result = Json.parse(lastToolResponse(model.prompts.get(1)));
          assertThat(result.path("error").path("code").asString()).isEqualTo("blocked");
          upstream.verify(0, anyRequestedFor(anyUrl()));
        });
  }

  @Test
  void aToolNameTheProviderNeverOfferedIsRefusedAndNothingIsSent() {
    context.run(
        app -> {
          addItemsSource(app);
          ScriptedChatModel model =
              new ScriptedChatModel(callTool("items.items.listItems", "{}"), say("not reached"));

          assertThatThrownBy(() -> ask(app, model, "List the items."))
              .hasStackTraceContaining("items.items.listItems");
          upstream.verify(0, anyRequestedFor(anyUrl()));
        });
  }
}
