package dev.executortools;

import dev.executortools.registry.Registry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * The plugin as a library: every tool (the plugin's own, the bundled SSO-OIDC ones and those of
 * added sources), listed and called by id. Thread-safe. {@link #call} never throws for a tool
 * failure: it returns {@code {"ok": false, "error": ...}}.
 *
 * <pre>{@code
 * try (ToolRegistry registry = ToolRegistry.builder().home(Path.of("state")).build()) {
 *   registry.tools().forEach(t -> System.out.println(t.id()));
 *   ToolResult result = registry.call("openapi.previewSpec", args);
 * }
 * }</pre>
 */
public final class ToolRegistry implements AutoCloseable {
  private final Registry registry;

  private ToolRegistry(Builder builder) {
    this.registry =
        new Registry(
            new Registry.Settings(
                builder.home,
                builder.httpClient,
                builder.httpSettings,
                builder.approvals,
                builder.secrets,
                builder.environment,
                builder.allowPrivateNetwork,
                builder.awsProfile));
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Every tool a caller may use, sorted by id as executor sorts them (naming.ToolPathOrder), with
   * {@code requiresApproval} as the approval policy decides; blocked tools are left out.
   */
  public List<Tool> tools() {
    return registry.tools();
  }

  /**
   * One page of {@link #tools()} for listings too large to hold at once (an MCP {@code tools/list}
   * of 36,000 tools): the tools at positions {@code from} to {@code from + count}, built-in ones
   * first, then each source's in stored order, read from the store without the rest.
   */
  public ToolPage tools(int from, int count) {
    return registry.tools(from, count);
  }

  /**
   * Hands every tool (or those of one source) to {@code sink} in the order and form of {@link
   * #tools()}, reading stored sources as a stream: listing a home of 50,000 tools keeps one tool in
   * memory at a time. Without {@code schemas}, input schemas may lack their {@code $defs} (for
   * listings that do not show schemas: they then skip reading them).
   *
   * @param source a source id ({@code github}, {@code openapi}, {@code aws_sso_oidc}), or null for
   *     all
   */
  public void forEachTool(
      @Nullable String source, boolean schemas, java.util.function.Consumer<Tool> sink) {
    registry.forEachTool(source, schemas, sink);
  }

  /**
   * The tools that come with the registry (the plugin's own and the bundled source's), in the order
   * and form of {@link #tools()}, without reading any added source: with {@link #sources()} (whose
   * summaries count the tools of each), what a short listing of a large registry needs.
   */
  public List<Tool> builtInTools() {
    return registry.builtInTools();
  }

  /** The tool with this id, as {@link #tools()} shows it; empty when unknown or blocked. */
  public Optional<Tool> tool(String id) {
    return registry.tool(id);
  }

  /**
   * Why {@link #tool(String)} finds no tool {@code id}: {@code blocked} when a rule hides it,
   * {@code store_failed} when it belongs to a stored source that cannot be read, else {@code
   * unknown_tool} with {@code details.suggestions} (the closest ids).
   */
  public ToolResult unknownTool(String id) {
    return registry.unknownTool(id);
  }

  /**
   * Which approval rule decides the tool {@code id} (blocked tools included) and why: {@code {"id",
   * "action", "rule", "overridden", "reason", "listed", "requiresApproval"}}; {@code rule} is null
   * when the default decides.
   */
  public ToolResult explainPolicy(String id) {
    return registry.explainPolicy(id);
  }

  /**
   * The tools that best fit a task described in words ("open an issue in a repo"), best first: the
   * ranking behind {@code tools search} and MCP {@code search_tools}. Blocked tools are left out.
   *
   * @param source only tools of this source id (namespace), or null for all
   */
  public List<SearchHit> search(String query, int limit, @Nullable String source) {
    return registry.search(query, limit, source);
  }

  /** {@link #search(String, int, String)} over every source. */
  public List<SearchHit> search(String query, int limit) {
    return search(query, limit, null);
  }

  /**
   * Ids of visible tools that look like {@code id} (misspelt, other case, {@code _} for {@code .}),
   * closest first: what an {@code unknown_tool} answer can suggest.
   */
  public List<String> closestIds(String id, int limit) {
    return registry.closestIds(id, limit);
  }

  /**
   * The added sources (not the bundled one) without their tools, sorted by namespace; those that
   * cannot be read are left out and reported by {@link #sourceProblems()}.
   */
  public List<SourceInfo> sources() {
    return registry.sources();
  }

  /**
   * Stored sources found unreadable so far (after {@link #sources()}: every unreadable one):
   * reported, never deleted.
   */
  public List<StoreProblem> sourceProblems() {
    return registry.sourceProblems();
  }

  /**
   * Adds a source with the arguments of {@code openapi.addSource}, as the program itself: no
   * approval is asked (the caller is the one who approves), and a spec URL is the program's own
   * choice, not under the network policy. The spec may be a URL or inline text.
   */
  public ToolResult addSource(JsonNode arguments) {
    return registry.addSource(arguments);
  }

  /**
   * Adds a source from a local file the program names: its text becomes the {@code spec} argument
   * ({@code options} gives the rest: namespace, baseUrl, headers...). Tool arguments from an agent
   * never make the plugin read a file; only this method and the command line do.
   */
  public ToolResult addSource(Path specFile, @Nullable JsonNode options) {
    return registry.addSource(specFile, options);
  }

  /**
   * Signs in to one of a source's OAuth 2.0 schemes ({@code scheme} null: its only one), as the
   * source's {@code auth} says: the authorization code with PKCE through a loopback redirect
   * ({@code prompt} receives the URL to open), the device authorization grant ({@code prompt}
   * receives the code to show; also used for the authorization code when {@link
   * SignInPrompt#hasBrowser()} is false and the server offers it), or client credentials (no
   * prompt). The tokens are kept as secrets of the home and never returned: data is the scheme's
   * status ({@link #signInStatus}). Blocks until the sign-in completes, fails or times out.
   */
  public ToolResult signIn(String source, @Nullable String scheme, SignInPrompt prompt) {
    return registry.signIn(source, scheme, prompt);
  }

  /**
   * Where each source's sign-in stands ({@code source} null: every source): per scheme, whether it
   * is configured and signed in, its flow, expiry and scopes; never a token. {@code unknown_source}
   * for a source that does not exist.
   */
  public ToolResult signInStatus(@Nullable String source) {
    return registry.signInStatus(source);
  }

  /**
   * Signs out of every OAuth 2.0 scheme of a source: revokes the tokens where the server offers
   * revocation (RFC 7009) and deletes them. data: {@code {sourceId, schemes: [{scheme, revoked,
   * deleted}]}}.
   */
  public ToolResult signOut(String source) {
    return registry.signOut(source);
  }

  /** Removes an added source and its tools: {@code unknown_source} when there is none. */
  public ToolResult removeSource(String namespace) {
    return registry.removeSource(namespace);
  }

  /**
   * Reads a source's spec again (fetching a URL source anew, under the network policy: a model may
   * have chosen that URL), recompiles it, and answers the tool ids {@code added}, {@code removed}
   * and {@code changed}.
   */
  public ToolResult refreshSource(String namespace) {
    return registry.refreshSource(namespace);
  }

  /** Calls a tool. {@code arguments} null means {@code {}}. Never throws for a tool failure. */
  public ToolResult call(String id, @Nullable JsonNode arguments) {
    return registry.call(id, arguments == null || arguments instanceof NullNode ? null : arguments);
  }

  /**
   * Calls a tool, asking {@code approvals} instead of the registry's handler when it requires
   * approval (a server asks the client of this call); null means no one can be asked, so such a
   * call answers {@code approval_required}.
   */
  public ToolResult call(
      String id, @Nullable JsonNode arguments, @Nullable ApprovalHandler approvals) {
    return registry.call(
        id, arguments == null || arguments instanceof NullNode ? null : arguments, approvals);
  }

  @Override
  public void close() {
    registry.close();
  }

  /** Configures a registry; every setting is optional. */
  public static final class Builder {
    Path home;
    OkHttpClient httpClient;
    HttpSettings httpSettings = HttpSettings.defaults();
    ApprovalHandler approvals;
    SecretProvider secrets;
    Map<String, String> environment = System.getenv();
    Boolean allowPrivateNetwork;
    String awsProfile;

    private Builder() {}

    /** Directory of all state (sources, secrets, policies); none keeps everything in memory. */
    public Builder home(@Nullable Path home) {
      this.home = home;
      return this;
    }

    /** The HTTP client all tools share; default: one built with the plugin's timeouts. */
    public Builder httpClient(@Nullable OkHttpClient client) {
      this.httpClient = client;
      return this;
    }

    /**
     * Timeouts (connect, read, whole call), the response size cap (default 1 MiB) and the retry
     * policy. With an injected {@link #httpClient}, its own timeouts are kept.
     */
    public Builder httpSettings(HttpSettings settings) {
      this.httpSettings = java.util.Objects.requireNonNull(settings, "settings");
      return this;
    }

    /** Asked before tools that require approval; none means such calls answer approval_required. */
    public Builder approvals(@Nullable ApprovalHandler handler) {
      this.approvals = handler;
      return this;
    }

    /** Where secret references resolve; default: the home directory's secret store. */
    public Builder secrets(@Nullable SecretProvider provider) {
      this.secrets = provider;
      return this;
    }

    /**
     * Environment variables the registry reads (AWS_REGION...,
     * EXECUTOR_TOOLS_ALLOW_PRIVATE_NETWORK); default the process's.
     */
    public Builder environment(Map<String, String> environment) {
      this.environment = Map.copyOf(environment);
      return this;
    }

    /**
     * Whether URLs a model chooses (spec URLs of {@code previewSpec} and {@code addSource}, a
     * per-call {@code server}) may reach loopback and private addresses. Link-local and
     * cloud-metadata addresses stay refused either way. Default: the environment variable {@code
     * EXECUTOR_TOOLS_ALLOW_PRIVATE_NETWORK=true}, else {@code "allowPrivateNetwork": true} in the
     * home's {@code settings.json}, else refused.
     */
    public Builder allowPrivateNetwork(boolean allow) {
      this.allowPrivateNetwork = allow;
      return this;
    }

    /**
     * The AWS profile (of the shared config and credentials files) every AWS source's calls sign
     * with, as the AWS CLI's {@code --profile}: over a source's own {@code awsProfile}, {@code
     * AWS_PROFILE} and the environment's keys. Default: none (each source's, else the SDKs' order).
     */
    public Builder awsProfile(@Nullable String profile) {
      this.awsProfile = profile == null || profile.isBlank() ? null : profile.strip();
      return this;
    }

    public ToolRegistry build() {
      return new ToolRegistry(this);
    }
  }
}
