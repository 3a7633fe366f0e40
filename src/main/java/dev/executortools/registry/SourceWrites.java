package dev.executortools.registry;

import dev.executortools.ErrorCode;
import dev.executortools.ToolResult;
import dev.executortools.auth.AuthArguments;
import dev.executortools.auth.RequiredScopes;
import dev.executortools.auth.TokenStore;
import dev.executortools.awsapi.AwsApi;
import dev.executortools.compile.CompileOptions;
import dev.executortools.compile.CompiledTool;
import dev.executortools.compile.ToolCompiler;
import dev.executortools.extract.SecurityRequirement;
import dev.executortools.extract.SecurityScheme;
import dev.executortools.fetch.SpecFetcher;
import dev.executortools.home.StoreException;
import dev.executortools.internal.Json;
import dev.executortools.internal.TooMuchTextException;
import dev.executortools.parse.SpecDocument;
import dev.executortools.parse.SpecException;
import dev.executortools.parse.SpecReader;
import dev.executortools.store.SourceConfig;
import dev.executortools.store.SourceStore;
import dev.executortools.store.SourceSummary;
import dev.executortools.store.SourceTooLargeException;
import dev.executortools.store.StoredSource;
import dev.executortools.tools.SourceRequest;
import dev.executortools.tools.SourceSink;
import dev.executortools.tools.SpecLoader;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Adding, refreshing and removing stored sources: each change is written to the store first, then
 * swapped into the {@link Sources} that serve the tools.
 */
final class SourceWrites implements SourceSink {
  private final Sources sources;
  private final SourceStore store;
  private final TokenStore tokens;
  private final SearchSegments indexes;

  SourceWrites(Sources sources, TokenStore tokens) {
    this.sources = sources;
    this.store = sources.store();
    this.tokens = tokens;
    this.indexes = new SearchSegments(sources);
  }

  @Override
  public ToolResult add(SourceRequest request, String namespace, SpecLoader.Loaded loaded) {
    SourceConfig config;
    List<CompiledTool> tools;
    try {
      SpecDocument document = loaded.document();
      config =
          new SourceConfig(
                  namespace,
                  Objects.requireNonNullElse(
                      request.name(), Objects.requireNonNullElse(document.title(), namespace)),
                  loaded.url(),
                  loaded.url() == null ? loaded.text() : null,
                  request.baseUrl(),
                  request.headers(),
                  request.queryParams(),
                  request.specFetchHeaders(),
                  request.specFetchQueryParams(),
                  TrustedOrigins.listed(request.trustedOrigins()))
              .withAwsProfile(AwsTools.profileOption(request.awsProfile(), document))
              .withAwsSigningName(AwsApi.signingName(document.root()))
              .requireSpec();
      tools = compile(config, document);
      List<SecurityRequirement> requirements = new ArrayList<>();
      tools.forEach(t -> requirements.add(t.binding() == null ? null : t.binding().security()));
      config =
          config.withAuth(
              AuthArguments.read(
                  request.auth(),
                  SecurityScheme.declaredIn(document),
                  scheme -> RequiredScopes.of(requirements, scheme)));
    } catch (IllegalArgumentException e) {
      return ToolResult.failure(ErrorCode.INVALID_ARGUMENTS, e.getMessage());
    } catch (TooMuchTextException e) {
      return ToolResult.failure(ErrorCode.OPENAPI_PARSE_FAILED, e.getMessage());
    }
    // The spec's tree is no longer read (the tools hold what they need of it), but the caller's
    // frame holds it until the add returns: emptied here, so that writing the source and building
    // its search index do not run in a heap it fills (Graph beta: about 140 MB less live heap by
    // class histogram, the add at -Xmx512m 10.8 s with it, 8.9 s without; BENCHMARKS.md, #23).
    if (loaded.document().root() instanceof ObjectNode root) root.removeAll();
    SourceConfig replaced = request.replace() ? storedConfig(namespace) : null;
    ToolResult refused =
        save(
            StoredSource.added(config, tools, Instant.now()),
            request.replace() ? Save.PUT : Save.NEW);
    if (refused != null) return refused;
    if (replaced != null) forgetChangedSignIns(namespace, replaced, config);
    ObjectNode data = Json.object();
    data.put("sourceId", namespace);
    data.put("toolCount", tools.size());
    ArrayNode ids = data.putArray("tools");
    tools.forEach(t -> ids.add(t.tool().id()));
    return ToolResult.success(data);
  }

  /** How {@link #save} writes: as a new source only, or in place of any. */
  private enum Save {
    NEW,
    PUT
  }

  /**
   * The one path that installs a source, added or refreshed: stored, then served. Null when it was;
   * else why not ({@code source_exists}, {@code store_failed}, a source too large).
   */
  private ToolResult save(StoredSource source, Save how) {
    CompletableFuture<ByteBuffer> index = SearchSegments.build(source);
    synchronized (sources.writeLock()) {
      SourceSlot slot = SourceSlot.loaded(source, store);
      ToolResult refused;
      try {
        refused = lockedIfStored(() -> written(source, how, slot, index));
      } catch (StoreException e) {
        return ToolResult.failure(
            ErrorCode.STORE_FAILED, "the source could not be saved: " + e.getMessage());
      } catch (SourceTooLargeException e) {
        return ToolResult.failure(ErrorCode.OPENAPI_PARSE_FAILED, e.getMessage());
      }
      if (refused != null) return refused;
      sources.swap(source.config().namespace(), slot);
    }
    return null;
  }

  /**
   * Writes {@code source}, then the search index built from it beside it (null), unless the
   * namespace is taken ({@code source_exists}).
   */
  private ToolResult written(
      StoredSource source, Save how, SourceSlot slot, CompletableFuture<ByteBuffer> index) {
    if (how == Save.PUT) {
      store.put(source);
    } else if (!store.putIfAbsent(source)) {
      return ToolResult.failure(
          ErrorCode.SOURCE_EXISTS,
          "a source with namespace '"
              + source.config().namespace()
              + "' exists already (pass \"replace\": true to replace it)");
    }
    indexes.installed(slot, index);
    return null;
  }

  /**
   * Runs {@code action} holding the store's lock across processes, where it keeps files: the
   * source's version read after writing it is then its own.
   */
  private ToolResult lockedIfStored(Supplier<ToolResult> action) {
    var files = store.searchIndexes();
    return files.isPresent() ? files.get().locked(action) : action.get();
  }

  ToolResult remove(String namespace) {
    synchronized (sources.writeLock()) {
      SourceSlot slot = sources.slot(namespace);
      List<String> ids = new ArrayList<>();
      SourceSummary summary = null;
      if (slot != null) {
        try {
          summary = slot.summary();
          slot.forEach(false, entry -> ids.add(entry.tool().id()));
        } catch (StoreException e) {
          ids.clear(); // a damaged source is removed all the same
        }
      }
      boolean removed;
      try {
        removed = store.remove(namespace);
      } catch (StoreException e) {
        return ToolResult.failure(
            ErrorCode.STORE_FAILED, "the source could not be removed: " + e.getMessage());
      }
      if (!removed && slot == null) {
        return ToolResult.failure(
            ErrorCode.UNKNOWN_SOURCE, "no source with namespace '" + namespace + "'");
      }
      sources.swap(namespace, null);
      if (summary != null) forgetTokens(namespace, summary.config());
      ObjectNode data = Json.object().put("sourceId", namespace);
      ids.forEach(data.putArray("removed")::add);
      return ToolResult.success(data);
    }
  }

  /**
   * Re-reads a source's spec (fetching URL sources again), recompiles, and reports the change. The
   * old tools are streamed to fingerprints first, never held next to the new ones.
   */
  ToolResult refresh(String namespace, SpecLoader loader) {
    SourceSummary current;
    SortedMap<String, String> before;
    try {
      current = store.summaryWithSpecText(namespace).orElse(null);
      if (current == null) {
        return ToolResult.failure(
            ErrorCode.UNKNOWN_SOURCE, "no source with namespace '" + namespace + "'");
      }
      before = SourceDiff.fingerprints(sink -> store.forEachTool(namespace, true, sink));
    } catch (StoreException e) {
      return ToolResult.failure(
          ErrorCode.STORE_FAILED, "the source cannot be read: " + e.getMessage());
    }
    SourceConfig config = current.config();
    SpecDocument document;
    try {
      document =
          config.specUrl() != null
              ? loader
                  .load(config.specUrl(), config.specFetchHeaders(), config.specFetchQueryParams())
                  .document()
              : SpecReader.read(config.specText());
    } catch (SpecException e) {
      return ToolResult.failure(e.toError());
    }
    config = config.withAwsSigningName(AwsApi.signingName(document.root()));
    List<CompiledTool> tools;
    try {
      tools = compile(config, document);
    } catch (TooMuchTextException e) {
      return ToolResult.failure(ErrorCode.OPENAPI_PARSE_FAILED, e.getMessage());
    }
    ToolResult refused =
        save(new StoredSource(config, current.addedAt(), Instant.now(), tools), Save.PUT);
    if (refused != null) return refused;
    return ToolResult.success(SourceDiff.between(namespace, before, tools));
  }

  /** The config of a stored source, or null when there is none or it cannot be read. */
  private SourceConfig storedConfig(String namespace) {
    SourceSlot slot = sources.slot(namespace);
    try {
      SourceSummary summary = slot == null ? null : slot.summary();
      return summary == null ? null : summary.config();
    } catch (StoreException e) {
      return null;
    }
  }

  /**
   * A replaced source keeps the sign-ins of schemes it satisfies as before; a scheme whose client
   * or endpoints changed (or that went) signs in afresh.
   */
  private void forgetChangedSignIns(String namespace, SourceConfig before, SourceConfig after) {
    before
        .auth()
        .oauthSchemes()
        .forEach(
            (scheme, old) -> {
              if (old.equals(after.auth().schemes().get(scheme))) return;
              try {
                tokens.delete(namespace, scheme);
              } catch (StoreException e) {
                // a token left behind is replaced by the next sign-in
              }
            });
  }

  /** A removed source's sign-ins go with it (a later source of that name signs in afresh). */
  private void forgetTokens(String namespace, SourceConfig config) {
    for (String scheme : config.auth().oauthSchemes().keySet()) {
      try {
        tokens.delete(namespace, scheme);
      } catch (StoreException e) {
        // the source is gone; a token left behind is replaced by the next sign-in
      }
    }
  }

  private static List<CompiledTool> compile(SourceConfig config, SpecDocument document) {
    String url = config.specUrl();
    return AwsTools.forAws(
        document,
        ToolCompiler.compile(
                document,
                url == null ? null : SpecFetcher.location(url),
                AwsTools.options(
                    document, CompileOptions.forSource(config.namespace(), config.baseUrl())))
            .tools());
  }
}
