package dev.executortools.langchain4j;

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
import static dev.executortools.langchain4j.ScriptedChatModel.callTool;
import static dev.executortools.langchain4j.ScriptedChatModel.say;
import static dev.executortools.langchain4j.ScriptedChatModel.toolNames;
import static dev.executortools.langchain4j.ScriptedChatModel.toolResults;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.executortools.Tool;
import dev.executortools.ToolRegistry;
import dev.executortools.agent.AgentTools;
import dev.executortools.agent.ToolMode;
import dev.executortools.internal.Json;
import dev.executortools.testing.Corpus;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.internal.JsonSchemaElementJsonUtils;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.tool.ToolProviderRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The registry as LangChain4j tools, driven by a real {@link AiServices} agent whose chat model
 * follows a script: the calls it asks for run against WireMock, and their results come back to it.
 */
class ExecutorToolProviderTest {
  @RegisterExtension
  static final WireMockExtension upstream =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  interface Agent {
    String chat(String message);
  }

  private ToolRegistry registry;
  private final List<String> approvalsAsked = new CopyOnWriteArrayList<>();

  @BeforeEach
  void open() {
    registry =
        ToolRegistry.builder()
            .environment(Map.of("AWS_ENDPOINT_URL_SSO_OIDC", upstream.baseUrl()))
            .build();
    upstream.stubFor(
        post(urlEqualTo("/client/register"))
            .willReturn(okJson("{\"clientId\": \"abc\", \"clientSecret\": \"s3cret\"}")));
    upstream.stubFor(get(urlPathEqualTo("/items")).willReturn(okJson("[\"first\", \"second\"]")));
  }

  @AfterEach
  void close() {
    registry.close();
  }

  private Agent agent(ExecutorToolProvider tools, ScriptedChatModel model) {
    return AiServices.builder(Agent.class).chatModel(model).toolProvider(tools).build();
  }

  private void addItemsSource() {
    registry.addSource(
        Json.object()
            .put("spec", Corpus.resource("/specs/items-v1.yaml"))
            .put("namespace", "items")
            .put("baseUrl", upstream.baseUrl()));
  }

  @Test
  void anAgentCallsABundledToolAndOneOfASourceAddedWhileItRuns() {
    Function<ChatRequest, AiMessage> register =
        callTool(
            "client_registerClient",
            "{\"body\": {\"clientName\": \"agent\", \"clientType\": \"public\"}}");
    ScriptedChatModel model =
        new ScriptedChatModel(
            request -> {
              addItemsSource(); // the program adds a source while the agent runs
              return register.apply(request);
            },
            callTool("items_items_listItems", "{\"limit\": 2}"),
            say("registered, and listed the items"));
    ExecutorToolProvider tools =
        ExecutorToolProvider.of(
            AgentTools.builder(registry)
                .approvals(
                    (tool, args) -> {
                      approvalsAsked.add(tool.id());
                      return tool.id().equals("client.registerClient");
                    })
                .build());

    String answer = agent(tools, model).chat("Register a client, then list two items.");

    assertThat(answer).isEqualTo("registered, and listed the items");
    assertThat(toolNames(model.requests.get(0)))
        .containsExactlyInAnyOrder(
            "client_registerClient",
            "deviceAuthorization_startDeviceAuthorization",
            "openapi_addSource",
            "openapi_previewSpec",
            "token_createToken");
    assertThat(toolNames(model.requests.get(1)))
        .as("the added source's tools, on the next request")
        .contains("items_items_listItems", "items_items_createItem", "client_registerClient");
    upstream.verify(
        postRequestedFor(urlEqualTo("/client/register"))
            .withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.equalToJson(
                    "{\"clientName\": \"agent\", \"clientType\": \"public\"}")));
    upstream.verify(getRequestedFor(urlEqualTo("/items?limit=2")));
    assertThat(approvalsAsked).containsExactly("client.registerClient");

    List<ToolExecutionResultMessage> results = toolResults(model.requests.get(2));
    assertThat(results).hasSize(2);
    JsonNode registered = Json.parse(results.get(0).text());
    assertThat(registered.path("ok").asBoolean()).as("%s", registered).isTrue();
    assertThat(registered.path("data").path("clientId").asString()).isEqualTo("abc");
    assertThat(registered.path("http").path("status").asInt()).isEqualTo(200);
    JsonNode items = Json.parse(results.get(1).text());
    assertThat(items.path("data").toString()).isEqualTo("[\"first\",\"second\"]");
  }

  @Test
  void aToolThatRequiresApprovalIsRefusedByDefaultAndNothingIsSent() {
    ScriptedChatModel model =
        new ScriptedChatModel(
            callTool(
                "client_registerClient",
                "{\"body\": {\"clientName\": \"agent\", \"clientType\": \"public\"}}"),
            say("could not"));

    agent(ExecutorToolProvider.of(registry), model).chat("Register a client.");

    ToolExecutionResultMessage refused = toolResults(model.requests.get(1)).get(0);
    JsonNode result = Json.parse(refused.text());
    assertThat(result.path("ok").asBoolean()).isFalse();
    assertThat(result.path("error").path("code").asString()).isEqualTo("approval_required");
    assertThat(refused.isError()).isTrue();
    upstream.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void aToolRemovedAfterItWasOfferedIsRefusedAndNothingIsSent() {
    addItemsSource();
    ScriptedChatModel model =
        new ScriptedChatModel(
            request -> {
              registry.removeSource("items"); // gone between the offer and the call
              return callTool("items_items_listItems", "{}").apply(request);
            },
            callTool("openapi_removedOrNeverListed", "{}"),
            say("not reached"));

    assertThatThrownBy(
            () -> agent(ExecutorToolProvider.of(registry), model).chat("List the items."))
        .as("LangChain4j's own answer to a name no provider offered")
        .hasMessageContaining("no such tool exists");

    JsonNode removed = Json.parse(toolResults(model.requests.get(1)).get(0).text());
    assertThat(removed.path("error").path("code").asString()).isEqualTo("unknown_tool");
    upstream.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void searchModeOffersTheBuiltInToolsAndSearchDescribeCall() {
    addItemsSource();
    ScriptedChatModel model =
        new ScriptedChatModel(
            callTool("search_tools", "{\"query\": \"list items\", \"limit\": 3}"),
            callTool(
                "call_tool", "{\"id\": \"items.items.listItems\", \"arguments\": {\"limit\": 2}}"),
            say("done"));

    agent(
            ExecutorToolProvider.of(AgentTools.builder(registry).mode(ToolMode.SEARCH).build()),
            model)
        .chat("List two items.");

    assertThat(toolNames(model.requests.get(0)))
        .contains("search_tools", "describe_tool", "call_tool", "openapi_addSource")
        .doesNotContain("items_items_listItems");
    JsonNode hits = Json.parse(toolResults(model.requests.get(1)).get(0).text());
    assertThat(hits.path("data").get(0).path("id").asString()).isEqualTo("items.items.listItems");
    JsonNode items = Json.parse(toolResults(model.requests.get(2)).get(1).text());
    assertThat(items.path("ok").asBoolean()).as("%s", items).isTrue();
    upstream.verify(getRequestedFor(urlEqualTo("/items?limit=2")));
  }

  @Test
  void parametersAreTheModelFacingInputSchemaAsWritten() {
    addItemsSource();
    ToolSpecification create =
        ExecutorToolProvider.of(registry)
            .provideTools(new ToolProviderRequest("memory", UserMessage.from("add an item")))
            .toolSpecificationByName("items_items_createItem");
    Tool tool = registry.tool("items.items.createItem").orElseThrow();

    JsonNode parameters =
        Json.argumentsMapper().valueToTree(JsonSchemaElementJsonUtils.toMap(create.parameters()));

    assertThat(create.description()).isEqualTo(tool.modelDescription());
    assertThat(parameters.path("properties")).isEqualTo(tool.inputSchema().path("properties"));
    assertThat(parameters.path("required")).isEqualTo(tool.inputSchema().path("required"));
  }
}
