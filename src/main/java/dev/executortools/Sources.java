package dev.executortools;

import dev.executortools.aws.SsoOidcProfile;
import dev.executortools.bind.ServerResolver;
import dev.executortools.compile.CompileOptions;
import dev.executortools.compile.CompiledSource;
import dev.executortools.compile.CompiledTool;
import dev.executortools.compile.ToolCompiler;
import dev.executortools.internal.Json;
import dev.executortools.parse.SpecDocument;
import dev.executortools.parse.SpecException;
import dev.executortools.parse.SpecFetcher;
import dev.executortools.parse.SpecReader;
import dev.executortools.result.ErrorModel;
import dev.executortools.store.CredentialValue;
import dev.executortools.store.LoadReport;
import dev.executortools.store.SourceConfig;
import dev.executortools.store.SourceStore;
import dev.executortools.store.SourceTooLargeException;
import dev.executortools.store.StoreException;
import dev.executortools.store.StoreProblem;
import dev.executortools.store.StoredSource;
import dev.executortools.tools.SourceSink;
import dev.executortools.tools.SpecLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sources behind the HTTP tools: the bundled SSO-OIDC one and those added at run time, kept in
 * a {@link SourceStore}. Readers see an immutable snapshot; writers store first, then swap it.
 */
final class Sources implements SourceSink {
  private record Snapshot(
      Map<String, HttpToolEntry> tools, Map<String, List<String>> idsBySource, List<StoreProblem> problems) {}

  private final SourceStore store;
  private final Object writeLock = new Object();
  private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of(), List.of());
  private volatile Map<String, StoredSource> stored = Map.of();
  /** The store's version of each source as last seen; null when no other process can write it. */
  private volatile Map<String, String> knownVersions;

  Sources(SsoOidcProfile profile, SourceStore store) {
    this.store = store;
    CompiledSource bundled = ToolCompiler.compile(readBundled(), null,
        new CompileOptions(SsoOidcProfile.SOURCE_ID, "", profile.hiddenParamKeys(), SsoOidcProfile.SERVERS));
    swap(SsoOidcProfile.SOURCE_ID, bundled.tools(), new SourceRuntime(SsoOidcProfile.SOURCE_ID,
        null, List.of(), Map.of(), Map.of(), profile.serverResolver(), profile.errorModel()));
    knownVersions = store.versions().orElse(null);
    LoadReport report = store.loadAll();
    for (StoredSource source : report.sources()) install(source);
    synchronized (writeLock) {
      Snapshot s = snapshot;
      snapshot = new Snapshot(s.tools, s.idsBySource, report.problems());
    }
  }

  /**
   * Picks up what other processes changed in the store since it was last seen: sources added,
   * refreshed, replaced or removed. Cheap when nothing changed (one directory listing).
   */
  void sync() {
    Map<String, String> known = knownVersions;
    if (known == null) return;
    Map<String, String> current;
    try {
      current = store.versions().orElse(known);
    } catch (StoreException e) {
      return; // the store cannot be listed now: keep serving what was loaded
    }
    if (current.equals(known)) return;
    synchronized (writeLock) {
      known = knownVersions;
      List<StoreProblem> problems = new ArrayList<>(snapshot.problems);
      for (Map.Entry<String, String> entry : current.entrySet()) {
        String namespace = entry.getKey();
        if (entry.getValue().equals(known.get(namespace))) continue;
        problems.removeIf(p -> p.namespace().equals(namespace));
        try {
          store.get(namespace).ifPresentOrElse(this::install, () -> uninstall(namespace));
        } catch (StoreException e) {
          problems.add(StoreProblem.of(namespace, e)); // keep its tools as loaded
        }
      }
      for (String namespace : known.keySet()) {
        if (current.containsKey(namespace)) continue;
        problems.removeIf(p -> p.namespace().equals(namespace));
        uninstall(namespace);
      }
      knownVersions = current;
      Snapshot s = snapshot;
      snapshot = new Snapshot(s.tools, s.idsBySource, List.copyOf(problems));
    }
  }

  /** After this process wrote a source: its new version is known, other changes are still to see. */
  private void noteOwnWrite(String namespace) {
    Map<String, String> known = knownVersions;
    if (known == null) return;
    Map<String, String> next = new TreeMap<>(known);
    String version = store.versions().orElse(Map.of()).get(namespace);
    if (version == null) next.remove(namespace);
    else next.put(namespace, version);
    knownVersions = next;
  }

  Collection<HttpToolEntry> httpTools() {
    return snapshot.tools.values();
  }

  HttpToolEntry httpTool(String id) {
    return snapshot.tools.get(id);
  }

  /** Changes whenever the set of HTTP tools changes (compared by identity). */
  Object generation() {
    return snapshot.tools;
  }

  List<StoreProblem> problems() {
    return snapshot.problems;
  }

  /** The added sources as loaded (no second read of the store), sorted by namespace. */
  List<StoredSource> stored() {
    return List.copyOf(stored.values());
  }

  @Override
  public ToolResult add(String namespace, JsonNode args, SpecDocument document, String specUrl,
      String specText, boolean replace) {
    if (namespace.equals(SsoOidcProfile.SOURCE_ID)) {
      return ToolResult.failure(ErrorCode.SOURCE_EXISTS, "namespace '" + namespace + "' is reserved");
    }
    SourceConfig config;
    try {
      JsonNode fetch = args.path("specFetchCredentials");
      config = new SourceConfig(namespace,
          Objects.requireNonNullElse(Json.text(args, "name"), Objects.requireNonNullElse(document.title(), namespace)),
          specUrl, specUrl == null ? specText : null, Json.text(args, "baseUrl"),
          CredentialValue.mapFromJson(args.get("headers")), CredentialValue.mapFromJson(args.get("queryParams")),
          CredentialValue.mapFromJson(fetch.get("headers")), CredentialValue.mapFromJson(fetch.get("queryParams")),
          TrustedOrigins.listed(SourceConfig.strings(args.get("trustedOrigins"), "trustedOrigins")));
    } catch (IllegalArgumentException e) {
      return ToolResult.failure(ErrorCode.INVALID_ARGUMENTS, e.getMessage());
    }
    List<CompiledTool> tools = compile(config, document);
    StoredSource source = StoredSource.added(config, tools, Instant.now());
    synchronized (writeLock) {
      try {
        if (replace) {
          store.put(source);
        } else if (!store.putIfAbsent(source)) {
          return ToolResult.failure(ErrorCode.SOURCE_EXISTS, "a source with namespace '" + namespace
              + "' exists already (pass \"replace\": true to replace it)");
        }
      } catch (StoreException e) {
        return ToolResult.failure(ErrorCode.STORE_FAILED, "the source could not be saved: " + e.getMessage());
      } catch (SourceTooLargeException e) {
        return ToolResult.failure(ErrorCode.OPENAPI_PARSE_FAILED, e.getMessage());
      }
      install(source);
      noteOwnWrite(namespace);
    }
    ObjectNode data = Json.object();
    data.put("sourceId", namespace);
    data.put("toolCount", tools.size());
    ArrayNode ids = data.putArray("tools");
    tools.forEach(t -> ids.add(t.tool().id()));
    return ToolResult.success(data);
  }

  ToolResult remove(String namespace) {
    synchronized (writeLock) {
      boolean removed;
      try {
        removed = store.remove(namespace);
      } catch (StoreException e) {
        return ToolResult.failure(ErrorCode.STORE_FAILED, "the source could not be removed: " + e.getMessage());
      }
      List<String> ids = snapshot.idsBySource.getOrDefault(namespace, List.of());
      if (!removed && ids.isEmpty()) {
        return ToolResult.failure(ErrorCode.UNKNOWN_SOURCE, "no source with namespace '" + namespace + "'");
      }
      uninstall(namespace);
      noteOwnWrite(namespace);
      ObjectNode data = Json.object().put("sourceId", namespace);
      ids.forEach(data.putArray("removed")::add);
      return ToolResult.success(data);
    }
  }

  /** Re-reads a source's spec (fetching URL sources again), recompiles, and reports the change. */
  ToolResult refresh(String namespace, SpecLoader loader) {
    StoredSource current;
    try {
      current = store.get(namespace).orElse(null);
    } catch (StoreException e) {
      return ToolResult.failure(ErrorCode.STORE_FAILED, "the source cannot be read: " + e.getMessage());
    }
    if (current == null) {
      return ToolResult.failure(ErrorCode.UNKNOWN_SOURCE, "no source with namespace '" + namespace + "'");
    }
    SourceConfig config = current.config();
    SpecDocument document;
    try {
      if (config.specUrl() != null) {
        ObjectNode creds = Json.object();
        creds.set("headers", CredentialValue.mapToJson(config.specFetchHeaders()));
        creds.set("queryParams", CredentialValue.mapToJson(config.specFetchQueryParams()));
        document = loader.load(config.specUrl(), creds).document();
      } else {
        document = SpecReader.read(config.specText());
      }
    } catch (SpecException e) {
      return ToolResult.failure(e.toError());
    }
    List<CompiledTool> tools = compile(config, document);
    StoredSource refreshed = current.refreshed(config, tools, Instant.now());
    synchronized (writeLock) {
      try {
        store.put(refreshed);
      } catch (StoreException e) {
        return ToolResult.failure(ErrorCode.STORE_FAILED, "the source could not be saved: " + e.getMessage());
      } catch (SourceTooLargeException e) {
        return ToolResult.failure(ErrorCode.OPENAPI_PARSE_FAILED, e.getMessage());
      }
      install(refreshed);
      noteOwnWrite(namespace);
    }
    return ToolResult.success(SourceDiff.between(namespace, current.tools(), tools));
  }

  private static List<CompiledTool> compile(SourceConfig config, SpecDocument document) {
    String url = config.specUrl();
    return ToolCompiler.compile(document, url == null ? null : SpecFetcher.location(url),
        CompileOptions.forSource(config.namespace(), config.baseUrl())).tools();
  }

  private void install(StoredSource source) {
    SourceConfig c = source.config();
    synchronized (writeLock) {
      swap(c.namespace(), source.tools(), new SourceRuntime(c.namespace(), c.baseUrl(), c.trustedOrigins(), c.headers(),
          c.queryParams(), ServerResolver.DEFAULT, ErrorModel.GENERIC));
      Map<String, StoredSource> next = new TreeMap<>(stored);
      next.put(c.namespace(), source);
      stored = java.util.Collections.unmodifiableMap(next);
    }
  }

  private void uninstall(String sourceId) {
    synchronized (writeLock) {
      swap(sourceId, null, null);
      Map<String, StoredSource> next = new TreeMap<>(stored);
      next.remove(sourceId);
      stored = java.util.Collections.unmodifiableMap(next);
    }
  }

  /** Replaces a source's tools in the snapshot; null {@code compiled} removes the source. */
  private void swap(String sourceId, List<CompiledTool> compiled, SourceRuntime runtime) {
    synchronized (writeLock) {
      Snapshot s = snapshot;
      Map<String, HttpToolEntry> tools = new TreeMap<>(s.tools);
      Map<String, List<String>> ids = new TreeMap<>(s.idsBySource);
      List<String> previous = ids.remove(sourceId);
      if (previous != null) previous.forEach(tools::remove);
      if (compiled != null) {
        List<String> added = new ArrayList<>(compiled.size());
        for (CompiledTool tool : compiled) {
          tools.put(tool.tool().id(), new HttpToolEntry(tool, runtime));
          added.add(tool.tool().id());
        }
        ids.put(sourceId, List.copyOf(added));
      }
      snapshot = new Snapshot(Map.copyOf(tools), Map.copyOf(ids), s.problems);
    }
  }

  private static SpecDocument readBundled() {
    try (InputStream in = Sources.class.getResourceAsStream(SsoOidcProfile.SPEC_RESOURCE)) {
      if (in == null) throw new IllegalStateException("bundled spec missing from the classpath: " + SsoOidcProfile.SPEC_RESOURCE);
      return SpecReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SpecException e) {
      throw new IllegalStateException("bundled spec does not compile: " + e.getMessage(), e);
    }
  }
}
