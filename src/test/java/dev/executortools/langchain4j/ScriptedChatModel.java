package dev.executortools.langchain4j;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A chat model that answers from a script, one step per request, and records every request: what
 * tools it offered and which tool results it carried. A step that asks for a tool names it as the
 * model would, by the name in the request's tool list.
 */
final class ScriptedChatModel implements ChatModel {
  private final List<Function<ChatRequest, AiMessage>> steps;
  final List<ChatRequest> requests = new CopyOnWriteArrayList<>();

  @SafeVarargs
  ScriptedChatModel(Function<ChatRequest, AiMessage>... steps) {
    this.steps = List.of(steps);
  }

  @Override
  public ChatResponse doChat(ChatRequest request) {
    requests.add(request);
    int step = requests.size() - 1;
    if (step >= steps.size()) throw new AssertionError("the script has no step " + (step + 1));
    return ChatResponse.builder().aiMessage(steps.get(step).apply(request)).build();
  }

  /** A step that asks for one tool call. */
  static Function<ChatRequest, AiMessage> callTool(String name, String arguments) {
    return request ->
        AiMessage.from(
            ToolExecutionRequest.builder()
                .id("call-" + name)
                .name(name)
                .arguments(arguments)
                .build());
  }

  /** A step that answers in words. */
  static Function<ChatRequest, AiMessage> say(String text) {
    return request -> AiMessage.from(text);
  }

  static List<String> toolNames(ChatRequest request) {
    return request.toolSpecifications().stream().map(ToolSpecification::name).toList();
  }

  /** The tool results a request carries, oldest first. */
  static List<ToolExecutionResultMessage> toolResults(ChatRequest request) {
    List<ToolExecutionResultMessage> out = new ArrayList<>();
    for (ChatMessage message : request.messages()) {
      if (message instanceof ToolExecutionResultMessage result) out.add(result);
    }
    return out;
  }
}
