package dev.executortools.tools;

import dev.executortools.ApprovalRequest;
import dev.executortools.Tool;
import dev.executortools.ToolResult;
import dev.executortools.schema.ArgumentProblem;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** A tool the plugin runs itself (no HTTP operation behind it). Arguments arrive validated. */
public interface LocalTool {
  /** The tool's id, known without building its descriptor. */
  String id();

  /** Its id, name, description and schemas. */
  Tool descriptor();

  /** What schema-valid arguments may still get wrong; empty when nothing. */
  default List<ArgumentProblem> problems(JsonNode arguments) {
    return List.of();
  }

  /** What a person approving a call with these (valid) arguments is shown. */
  default ApprovalRequest approvalRequest(JsonNode arguments) {
    return ApprovalRequest.of(descriptor(), arguments);
  }

  ToolResult run(JsonNode arguments);
}
