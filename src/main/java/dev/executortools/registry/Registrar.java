package dev.executortools.registry;

import dev.executortools.ApprovalHandler;
import dev.executortools.ApprovalRequest;
import dev.executortools.CredentialValue;
import dev.executortools.ErrorCode;
import dev.executortools.SearchHit;
import dev.executortools.SecretProvider;
import dev.executortools.Tool;
import dev.executortools.ToolResult;
import dev.executortools.auth.AccessTokens;
import dev.executortools.auth.TokenStore;
import dev.executortools.aws.SsoOidcProfile;
import dev.executortools.fetch.SpecFetcher;
import dev.executortools.home.StoreException;
import dev.executortools.internal.Json;
import dev.executortools.invoke.HttpTransport;
import dev.executortools.net.NetworkPolicy;
import dev.executortools.net.NetworkSettings;
import dev.executortools.oauth.Sleeper;
import dev.executortools.parse.SpecException;
import dev.executortools.policy.ApprovalPolicy;
import dev.executortools.policy.PolicyAction;
import dev.executortools.policy.PolicyDecision;
import dev.executortools.policy.PolicyRule;
import dev.executortools.policy.PolicyStore;
import dev.executortools.schema.ArgumentProblem;
import dev.executortools.schema.ArgumentValidator;
import dev.executortools.store.CredentialResolver;
import dev.executortools.store.FileSecretStore;
import dev.executortools.store.FileSourceStore;
import dev.executortools.store.FileTokenStore;
import dev.executortools.store.MemorySourceStore;
import dev.executortools.store.MissingSecretException;
import dev.executortools.tools.BuiltinTools;
import dev.executortools.tools.LocalTool;
import dev.executortools.tools.SpecLoader;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The registry's machinery: its tools and sources, and the steps every call goes through: find,
 * policy, validate, approve, resolve credentials, bind, send.
 */
final class Registrar implements AutoCloseable {
  private final okhttp3.OkHttpClient injectedClient;
  private final dev.executortools.HttpSettings httpSettings;
  private final NetworkPolicy network;

  /** Made on first use: listing and describing tools never build an HTTP client. */
  private volatile HttpTransport transport;

  private final boolean ownsClient;
  private final ApprovalHandler approvals;
  private final CredentialResolver credentials;
  private final AccessTokens tokens;
  private final PolicyStore policies;
  private final SpecLoader specLoader;

  /** The plugin's tools as a model calls them: spec URLs under the network policy. */
  private final Map<String, LocalEntry> localTools = new LinkedHashMap<>();

  /** The same tools as the program calls them ({@link #callApproved}): its URLs are its own. */
  private final Map<String, LocalEntry> programTools = new LinkedHashMap<>();

  final Sources sources;

  /** Signs in to sources' OAuth 2.0 schemes, and out. */
  final SignIns signIns;

  private static final Clock CLOCK = Clock.systemUTC();

  /** Adds, refreshes and removes them. */
  final SourceWrites writes;

  /** Signs the calls of AWS's APIs. */
  final AwsCalls aws;

  /** The steps of a call of an OpenAPI tool, once the registry found and allowed it. */
  private final HttpCalls httpCalls;

  /** The tools as callers see them: listed, streamed, paged, searched. */
  final Listings listings;

  /** A plugin tool; its validator is built on first call (listing tools needs none). */
  private static final class LocalEntry {
    final LocalTool tool;
    private volatile ArgumentValidator validator;

    LocalEntry(LocalTool tool) {
      this.tool = tool;
    }

    ArgumentValidator validator() {
      ArgumentValidator v = validator;
      if (v == null) validator = v = ArgumentValidator.forSchema(tool.descriptor().inputSchema());
      return v;
    }
  }

  Registrar(Registry.Settings config) {
    this.ownsClient = config.httpClient() == null;
    this.injectedClient = config.httpClient();
    this.httpSettings = config.httpSettings();
    this.network =
        NetworkSettings.policy(config.allowPrivateNetwork(), config.environment(), config.home());
    this.approvals = config.approvals();
    SecretProvider secrets =
        config.secrets() != null
            ? config.secrets()
            : config.home() != null ? new FileSecretStore(config.home()) : SecretProvider.none();
    this.credentials = new CredentialResolver(secrets);
    OAuthGrants grants = new OAuthGrants(() -> transport().client(), credentials, CLOCK);
    this.tokens =
        new AccessTokens(
            config.home() != null ? new FileTokenStore(config.home()) : TokenStore.inMemory(),
            grants,
            CLOCK);
    this.policies = config.home() != null ? new PolicyStore(config.home()) : PolicyStore.inMemory();
    this.sources =
        new Sources(
            new BundledSource(SsoOidcProfile.create(config.environment())),
            config.home() != null ? new FileSourceStore(config.home()) : new MemorySourceStore());
    this.writes = new SourceWrites(sources, tokens.store());
    this.aws =
        new AwsCalls(
            config.environment(),
            () -> transport().client(),
            () -> transport().guardedClient(),
            CLOCK,
            config.awsProfile());
    this.httpCalls = new HttpCalls(this::transport, credentials, tokens, aws);
    this.signIns = new SignIns(sources, tokens, grants, CLOCK, Sleeper.REAL);
    this.listings =
        new Listings(
            () -> localTools.values().stream().map(e -> e.tool.descriptor()).toList(), sources);
    this.specLoader =
        new SpecLoader(new SpecFetcher(() -> transport().guardedClient()), this::resolveArgument);
    for (LocalTool tool : BuiltinTools.create(specLoader, writes)) {
      localTools.put(tool.id(), new LocalEntry(tool));
    }
    SpecLoader programLoader =
        new SpecLoader(new SpecFetcher(() -> transport().client()), this::resolveArgument);
    for (LocalTool tool : BuiltinTools.create(programLoader, writes)) {
      programTools.put(tool.id(), new LocalEntry(tool));
    }
  }

  private HttpTransport transport() {
    HttpTransport t = transport;
    if (t != null) return t;
    synchronized (this) {
      if (transport == null) {
        transport =
            ownsClient
                ? HttpTransport.create(httpSettings, network)
                : HttpTransport.using(injectedClient, httpSettings, network);
      }
      return transport;
    }
  }

  Optional<Tool> find(String id) {
    sources.sync();
    return findLoaded(id);
  }

  /** {@link #find} without looking for changes other processes made (for loops over many ids). */
  Optional<Tool> findLoaded(String id) {
    LocalEntry local = localTools.get(id);
    if (local != null) return Optional.of(local.tool.descriptor());
    return Optional.ofNullable(sources.httpTool(id)).map(HttpToolEntry::tool);
  }

  /**
   * The rules in force. Rules that cannot be read never fall back to the defaults: every tool then
   * requires approval, and calls fail until the file is fixed.
   */
  ApprovalPolicy policy() {
    try {
      return policies.policy();
    } catch (StoreException e) {
      return new ApprovalPolicy(List.of(new PolicyRule("*", PolicyAction.REQUIRE_APPROVAL)));
    }
  }

  SpecLoader specLoader() {
    return specLoader;
  }

  /**
   * Runs a tool for the program itself: no policy, no approval, and the URLs it names are the
   * program's choice (not under the network policy); arguments still validated.
   */
  ToolResult callApproved(String id, JsonNode arguments) {
    JsonNode args = arguments == null ? Json.object() : arguments;
    LocalEntry local = programTools.get(id);
    if (local == null)
      return ToolResult.failure(ErrorCode.UNKNOWN_TOOL, "no local tool '" + id + "'");
    List<ArgumentProblem> problems = local.validator().validate(args);
    if (!problems.isEmpty()) return CallErrors.invalidArguments(local.tool.descriptor(), problems);
    return guarded(local.tool.descriptor(), () -> local.tool.run(args));
  }

  /**
   * The last line of defence: a bug in a stage is an error value, never an exception; state the
   * call needs that cannot be read (a damaged secrets file) is {@code store_failed} naming the
   * file.
   */
  private static ToolResult guarded(Tool tool, java.util.function.Supplier<ToolResult> run) {
    try {
      return run.get();
    } catch (StoreException e) {
      return CallErrors.storeFailed("'" + tool.id() + "' cannot run: ", e);
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      return ToolResult.failure(
          ErrorCode.INTERNAL_ERROR,
          "'" + tool.id() + "' failed unexpectedly: " + e.getClass().getSimpleName());
    }
  }

  ToolResult call(String id, JsonNode arguments) {
    return call(id, arguments, approvals);
  }

  /**
   * A call whose approvals, if any is needed, go to {@code approvals} (null: no one can be asked).
   */
  ToolResult call(String id, JsonNode arguments, ApprovalHandler approvals) {
    JsonNode args = arguments == null ? Json.object() : arguments;
    sources.sync();
    LocalEntry local = localTools.get(id);
    HttpToolEntry http = local == null ? sources.httpTool(id) : null;
    if (local == null && http == null) return unknownTool(id);
    Tool tool = local != null ? local.tool.descriptor() : http.tool();
    PolicyAction action;
    try {
      action = policies.policy().decide(tool);
    } catch (StoreException e) {
      return CallErrors.policiesUnreadable(e);
    }
    if (action == PolicyAction.BLOCK) {
      return CallErrors.blocked(tool.id());
    }
    List<ArgumentProblem> problems =
        (local != null ? local.validator() : http.validator()).validate(args);
    if (problems.isEmpty() && local != null) problems = local.tool.problems(args);
    if (!problems.isEmpty()) return CallErrors.invalidArguments(tool, problems);
    if (http != null) return guarded(tool, () -> httpCalls.call(http, args, action, approvals));
    ApprovalRequest request = local.tool.approvalRequest(args);
    // a stored secret leaves only with a person's approval, whatever the rules say
    if (action == PolicyAction.REQUIRE_APPROVAL || !request.secrets().isEmpty()) {
      ToolResult refused = CallErrors.unapproved(request, approvals);
      if (refused != null) return refused;
    }
    return guarded(tool, () -> local.tool.run(args));
  }

  /**
   * Why {@code id} names no tool a caller sees: {@code blocked} when a rule hides it, {@code
   * store_failed} when its source is stored but cannot be read (naming the source and the file),
   * else {@code unknown_tool} with the closest ids.
   */
  ToolResult unknownTool(String id) {
    if (find(id).filter(this::blockedByPolicy).isPresent()) {
      return CallErrors.blocked(id);
    }
    return CallErrors.unknownTool(id, sources.problems(), () -> closestIds(id, SUGGESTIONS));
  }

  /** How many ids an {@code unknown_tool} error suggests. */
  private static final int SUGGESTIONS = 5;

  /** Visible ids closest to {@code id} (the tool search's spelling ranking), closest first. */
  List<String> closestIds(String id, int limit) {
    SearchCatalog catalog = listings.searchCatalog();
    return catalog.index.closestIds(id, limit, SearchCatalog.visibleIn(null, policy()));
  }

  /** The tool search over visible tools, of {@code source} only when it is given. */
  List<SearchHit> search(String query, int limit, String source) {
    SearchCatalog catalog = listings.searchCatalog();
    return catalog.index.search(query, limit, SearchCatalog.visibleIn(source, policy()));
  }

  /** Whether a rule blocks {@code tool} (a tool added after the caller looked is not blocked). */
  private boolean blockedByPolicy(Tool tool) {
    try {
      return policies.policy().decide(tool) == PolicyAction.BLOCK;
    } catch (StoreException e) {
      return false;
    }
  }

  /** Which approval rule decides the tool {@code id} and why ({@code policies explain}). */
  ToolResult explain(String id) {
    Optional<Tool> tool = find(id);
    if (tool.isEmpty()) return unknownTool(id);
    PolicyDecision decision;
    try {
      decision = policies.policy().explain(id, tool.get().annotations().method());
    } catch (StoreException e) {
      return CallErrors.policiesUnreadable(e);
    }
    ObjectNode data = decision.toJson();
    data.put("listed", decision.action() != PolicyAction.BLOCK);
    data.put("requiresApproval", decision.action() == PolicyAction.REQUIRE_APPROVAL);
    return ToolResult.success(data);
  }

  /** A credential map given as a tool argument (spec fetching): literals and secret references. */
  private Map<String, String> resolveArgument(Map<String, CredentialValue> map)
      throws SpecException {
    try {
      return credentials.resolve(map);
    } catch (MissingSecretException e) {
      throw new SpecException(ErrorCode.MISSING_SECRET, e.getMessage());
    }
  }

  @Override
  public void close() {
    HttpTransport t = transport;
    if (ownsClient && t != null) t.evictIdleConnections();
  }
}
