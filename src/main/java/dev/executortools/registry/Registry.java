package dev.executortools.registry;

import dev.executortools.ApprovalHandler;
import dev.executortools.ErrorCode;
import dev.executortools.HttpSettings;
import dev.executortools.SearchHit;
import dev.executortools.SecretProvider;
import dev.executortools.SignInPrompt;
import dev.executortools.SourceInfo;
import dev.executortools.StoreProblem;
import dev.executortools.Tool;
import dev.executortools.ToolPage;
import dev.executortools.ToolResult;
import dev.executortools.internal.Json;
import dev.executortools.parse.SpecFiles;
import dev.executortools.policy.ApprovalPolicy;
import dev.executortools.store.SourceSummary;
import dev.executortools.tools.AddSourceTool;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one door between the public API and the machinery: {@link dev.executortools.ToolRegistry}
 * holds a {@code Registry} and forwards each of its methods here, and no other class of the root
 * package names this package (as {@code okhttp3} reaches {@code okhttp3.internal}). Its methods
 * mean what {@code ToolRegistry}'s of the same name document.
 */
public final class Registry implements AutoCloseable {
  private final Registrar registrar;

  /** What a {@link dev.executortools.ToolRegistry.Builder} collected; nulls mean the defaults. */
  public record Settings(
      Path home,
      OkHttpClient httpClient,
      HttpSettings httpSettings,
      ApprovalHandler approvals,
      SecretProvider secrets,
      Map<String, String> environment,
      Boolean allowPrivateNetwork,
      String awsProfile) {}

  public Registry(Settings settings) {
    this.registrar = new Registrar(settings);
  }

  public List<Tool> tools() {
    return registrar.listings.visible(registrar.policy());
  }

  public ToolPage tools(int from, int count) {
    return registrar.listings.page(from, count, registrar.policy());
  }

  public void forEachTool(String source, boolean schemas, Consumer<Tool> sink) {
    registrar.listings.forEach(source, schemas, registrar.policy(), sink);
  }

  public List<Tool> builtInTools() {
    return registrar.listings.builtIn(registrar.policy());
  }

  public Optional<Tool> tool(String id) {
    ApprovalPolicy policy = registrar.policy();
    return registrar.find(id).flatMap(t -> Listings.effective(t, policy));
  }

  public ToolResult unknownTool(String id) {
    return registrar.unknownTool(id);
  }

  public ToolResult explainPolicy(String id) {
    return registrar.explain(id);
  }

  public List<SearchHit> search(String query, int limit, String source) {
    return registrar.search(query, limit, source);
  }

  public List<String> closestIds(String id, int limit) {
    return registrar.closestIds(id, limit);
  }

  public List<SourceInfo> sources() {
    registrar.sources.sync();
    return registrar.sources.summaries().stream().map(SourceSummary::info).toList();
  }

  public List<StoreProblem> sourceProblems() {
    registrar.sources.sync();
    registrar.sources.summaries();
    return registrar.sources.problems();
  }

  public ToolResult addSource(JsonNode arguments) {
    return registrar.callApproved(AddSourceTool.ID, arguments);
  }

  public ToolResult addSource(Path specFile, JsonNode options) {
    ObjectNode arguments = options == null ? Json.object() : ((ObjectNode) options).deepCopy();
    try {
      arguments.put("spec", SpecFiles.read(specFile));
    } catch (IOException e) {
      return ToolResult.failure(ErrorCode.OPENAPI_FETCH_FAILED, e.getMessage());
    }
    return addSource(arguments);
  }

  public ToolResult signIn(String namespace, String scheme, SignInPrompt prompt) {
    return registrar.signIns.signIn(namespace, scheme, prompt);
  }

  public ToolResult signInStatus(String namespace) {
    return registrar.aws.withStatus(
        registrar.signIns.status(namespace), registrar.sources.httpTools());
  }

  public ToolResult signOut(String namespace) {
    return registrar.signIns.signOut(namespace);
  }

  public ToolResult removeSource(String namespace) {
    return registrar.writes.remove(namespace);
  }

  public ToolResult refreshSource(String namespace) {
    return registrar.writes.refresh(namespace, registrar.specLoader());
  }

  public ToolResult call(String id, JsonNode arguments) {
    return registrar.call(id, arguments);
  }

  public ToolResult call(String id, JsonNode arguments, ApprovalHandler approvals) {
    return registrar.call(id, arguments, approvals);
  }

  @Override
  public void close() {
    registrar.close();
  }
}
