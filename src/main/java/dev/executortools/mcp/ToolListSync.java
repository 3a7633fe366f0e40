package dev.executortools.mcp;

import dev.executortools.SourceInfo;
import dev.executortools.Tool;
import dev.executortools.ToolRegistry;
import dev.executortools.agent.Discovery;
import dev.executortools.agent.ToolMode;
import dev.executortools.agent.ToolNames;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the server's tool list equal to what the registry holds now: sources added, refreshed or
 * removed (by this server or by another process sharing the home) and policy changes show in the
 * next {@code tools/list}, announced by one {@code notifications/tools/list_changed}.
 */
final class ToolListSync {
  /**
   * What makes a listed tool different for a client: its id, the tool (equal when the registry
   * hands out the same one again: its schema is then one instance, compared at once; {@link
   * Tool#inputSchema()} would be a new copy each time), approval.
   */
  private record Key(String id, Tool tool, boolean requiresApproval, String description) {
    static Key of(Tool tool) {
      return new Key(
          tool.id(), tool, tool.annotations().requiresApproval(), tool.modelDescription());
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && k.id.equals(id)
          && k.tool.equals(tool)
          && k.requiresApproval == requiresApproval
          && k.description.equals(description);
    }

    @Override
    public int hashCode() {
      return id.hashCode();
    }
  }

  private final ToolRegistry registry;
  private final ToolMode mode;
  private final DiscoveryTools discovery;
  private final ToolSpecs specs;
  private final Map<String, Object> listed =
      new ConcurrentHashMap<>(); // name -> Key or catalog text
  private final PagedToolList pages;
  private final int maxNameLength;

  /** While the list pages: the tools clients called, registered with the SDK for their calls. */
  private final Set<String> called = new HashSet<>();

  /** The sources the paging names were made for (they are made again when these change). */
  private List<SourceInfo> namedFor;

  /** The MCP names of the registry tools listed now, when the list does not page. */
  private volatile ToolNames names = ToolNames.of(List.of());

  ToolListSync(
      ToolRegistry registry,
      ToolMode mode,
      ToolSpecs specs,
      PagedToolList pages,
      int maxNameLength) {
    ToolNames.checkLength(maxNameLength);
    this.registry = registry;
    this.maxNameLength = maxNameLength;
    this.mode = mode;
    this.specs = specs;
    this.pages = pages;
    this.discovery = new DiscoveryTools(registry, specs::called, specs::answer);
  }

  /**
   * The tools to register with the SDK now, by MCP name, with what identifies their current
   * version. Only {@link ToolMode#ALL} up to {@link ToolMode#ALL_LIMIT} tools reads every tool;
   * past it the SDK holds the tools clients called ({@link #paged}), and the discovery listing
   * needs the built-in tools and the sources' summaries, so both stay small for any number of
   * tools.
   */
  synchronized Map<String, Versioned> desired() {
    List<Tool> builtIn = registry.builtInTools();
    List<SourceInfo> added = registry.sources();
    int count = count(builtIn, added);
    Map<String, Versioned> out = new LinkedHashMap<>();
    if (mode.resolve(count) == ToolMode.ALL && count > ToolMode.ALL_LIMIT) {
      return paged(added);
    }
    pages.use(null);
    namedFor = null;
    called.clear();
    if (mode.resolve(count) == ToolMode.ALL) {
      List<Tool> tools = registry.tools();
      ToolNames names = ToolNames.of(tools.stream().map(Tool::id).toList(), maxNameLength);
      this.names = names;
      for (Tool tool : tools) {
        String name = names.name(tool.id());
        out.put(name, new Versioned(Key.of(tool), () -> specs.forTool(tool, name)));
      }
      return out;
    }
    ToolNames names = ToolNames.of(builtIn.stream().map(Tool::id).toList(), maxNameLength);
    this.names = names;
    for (Tool tool : builtIn) {
      String name = names.name(tool.id());
      out.put(name, new Versioned(Key.of(tool), () -> specs.forTool(tool, name)));
    }
    String catalog = catalog(builtIn, added, count);
    for (SyncToolSpecification spec : discovery.specifications(catalog)) {
      out.put(spec.tool().name(), new Versioned(spec.tool().name() + catalog, () -> spec));
    }
    return out;
  }

  static int count(List<Tool> builtIn, List<SourceInfo> added) {
    return Discovery.count(builtIn, added);
  }

  /**
   * All mode past {@link ToolMode#ALL_LIMIT} tools: {@link PagedToolList} answers tools/list from
   * the store, and the SDK holds only the tools clients called. The names are those of every tool
   * the registry shows now (their ids streamed without schemas).
   */
  private Map<String, Versioned> paged(List<SourceInfo> added) {
    if (!added.equals(namedFor)) {
      List<String> ids = new ArrayList<>();
      registry.forEachTool(null, false, tool -> ids.add(tool.id()));
      pages.use(ToolNames.of(ids, maxNameLength));
      namedFor = added;
    }
    Map<String, Versioned> out = new LinkedHashMap<>();
    for (String name : called) {
      pages
          .id(name)
          .flatMap(registry::tool)
          .ifPresent(
              tool ->
                  out.put(name, new Versioned(contentKey(tool), () -> specs.forTool(tool, name))));
    }
    called.retainAll(out.keySet());
    return out;
  }

  /** What identifies a tool read again from the store (its schema is a new instance each time). */
  private static Object contentKey(Tool tool) {
    return List.of(tool.id(), tool, tool.annotations().requiresApproval(), tool.modelDescription());
  }

  /** Whether a client may call {@code name} now: a listed tool, or one of the paged list. */
  boolean lists(String name) {
    return listed.containsKey(name) || pages.id(name).isPresent();
  }

  /** The MCP name of the registry tool {@code id} when it is listed (or in the paged list). */
  Optional<String> listedName(String id) {
    if (pages.active()) {
      return Optional.ofNullable(pages.name(id));
    }
    return Optional.ofNullable(names.name(id));
  }

  /** While the list pages, registers the tool {@code name} stands for, if it is not yet. */
  synchronized void registerForCall(McpSyncServer server, String name) {
    if (!pages.active() || called.contains(name)) return;
    Optional<Tool> tool = pages.id(name).flatMap(registry::tool);
    if (tool.isEmpty()) return; // the SDK answers that it knows no such tool
    called.add(name);
    server.addTool(specs.forTool(tool.get(), name));
    listed.put(name, contentKey(tool.get()));
  }

  /** Applies the desired list to the server; the caller batches the notifications. */
  synchronized boolean apply(McpSyncServer server) {
    Map<String, Versioned> desired = desired();
    boolean any = false;
    for (String name : new ArrayList<>(listed.keySet())) {
      if (!desired.containsKey(name)) {
        server.removeTool(name);
        listed.remove(name);
        any = true;
      }
    }
    for (Map.Entry<String, Versioned> entry : desired.entrySet()) {
      Object version = listed.get(entry.getKey());
      if (entry.getValue().version().equals(version)) continue;
      server.addTool(entry.getValue().spec().get());
      listed.put(entry.getKey(), entry.getValue().version());
      any = true;
    }
    return any;
  }

  /** The sources a search can reach, for search_tools' description (blocked tools counted too). */
  private static String catalog(List<Tool> builtIn, List<SourceInfo> added, int count) {
    return Discovery.catalog(builtIn, added, count);
  }

  /** A tool to list, what identifies its current version, and how to build its specification. */
  record Versioned(Object version, java.util.function.Supplier<SyncToolSpecification> spec) {}
}
