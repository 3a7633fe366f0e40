package dev.executortools.spring;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.model.tool.ToolExecutionResult;

/**
 * A Spring AI chat model that answers from a script, one step per prompt, and records every prompt.
 * Tool calls it asks for run as Spring AI's own models run them: through the {@link
 * ToolCallingManager}, which finds the callback by name among the prompt's, and the result goes
 * back to the model in the next prompt.
 */
final class ScriptedChatModel implements ChatModel {
  private final List<Function<Prompt, AssistantMessage>> steps;
  private final ToolCallingManager toolCalling = ToolCallingManager.builder().build();
  final List<Prompt> prompts = new CopyOnWriteArrayList<>();

  @SafeVarargs
  ScriptedChatModel(Function<Prompt, AssistantMessage>... steps) {
    this.steps = List.of(steps);
  }

  @Override
  public ChatResponse call(Prompt prompt) {
    prompts.add(prompt);
    int step = prompts.size() - 1;
    if (step >= steps.size()) throw new AssertionError("the script has no step " + (step + 1));
    ChatResponse response =
        new ChatResponse(List.of(new Generation(steps.get(step).apply(prompt))));
    if (!response.hasToolCalls()) return response;
    ToolExecutionResult result = toolCalling.executeToolCalls(prompt, response);
    return call(new Prompt(result.conversationHistory(), prompt.getOptions()));
  }

  /** Options that carry tools: ChatClient puts the request's callbacks into a copy of these. */
  @Override
  public ChatOptions getOptions() {
    return ToolCallingChatOptions.builder().build();
  }

  static Function<Prompt, AssistantMessage> callTool(String name, String arguments) {
    return prompt ->
        AssistantMessage.builder()
            .content("")
            .toolCalls(
                List.of(new AssistantMessage.ToolCall("call-" + name, "function", name, arguments)))
            .build();
  }

  static Function<Prompt, AssistantMessage> say(String text) {
    return prompt -> new AssistantMessage(text);
  }

  /** The tool names a prompt offered. */
  static List<String> toolNames(Prompt prompt) {
    return ((ToolCallingChatOptions) prompt.getOptions())
        .getToolCallbacks().stream().map(c -> c.getToolDefinition().name()).toList();
  }

  /** The last tool response a prompt carries. */
  static String lastToolResponse(Prompt prompt) {
    List<Message> messages = prompt.getInstructions();
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.get(i) instanceof ToolResponseMessage response)
        return response.getResponses().get(0).responseData();
    }
    throw new AssertionError("no tool response in " + messages);
  }
}
