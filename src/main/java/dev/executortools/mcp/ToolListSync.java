package dev.executortools.mcp;

import dev.executortools.Tool;
import dev.executortools.ToolRegistry;
import dev.executortools.store.SourceSummary;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps the server's tool list equal to what the registry holds now: sources added, refreshed or
 * removed (by this server or by another process sharing the home) and policy changes show in the
 * next {@code tools/list}, announced by one {@code notifications/tools/list_changed}.
 */
final class ToolListSync {
  /** What makes a listed tool different for a client: its id, schema (by identity), approval. */
  private record Key(String id, Object schema, boolean requiresApproval, String description) {
    static Key of(Tool tool) {
      return new Key(tool.id(), tool.inputSchema(), tool.annotations().requiresApproval(), tool.description());
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.id.equals(id) && k.schema == schema
          && k.requiresApproval == requiresApproval && k.description.equals(description);
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
  private final Map<String, Object> listed = new HashMap<>(); // name -> Key or catalog text

  ToolListSync(ToolRegistry registry, ToolMode mode, ToolSpecs specs) {
    this.registry = registry;
    this.mode = mode;
    this.specs = specs;
    this.discovery = new DiscoveryTools(registry, specs::called);
  }

  /** The tools to list now, by MCP name, with what identifies their current version. */
  synchronized Map<String, Versioned> desired() {
    List<Tool> tools = registry.tools();
    Map<String, Versioned> out = new LinkedHashMap<>();
    if (mode.resolve(tools.size()) == ToolMode.ALL) {
      McpNames names = McpNames.of(tools.stream().map(Tool::id).toList());
      for (Tool tool : tools) {
        String name = names.name(tool.id());
        out.put(name, new Versioned(Key.of(tool), () -> specs.forTool(tool, name)));
      }
      return out;
    }
    Set<String> added = registry.sources().stream().map(SourceSummary::namespace).collect(Collectors.toSet());
    List<Tool> builtIn = tools.stream().filter(t -> !added.contains(t.source())).toList();
    McpNames names = McpNames.of(builtIn.stream().map(Tool::id).toList());
    for (Tool tool : builtIn) {
      String name = names.name(tool.id());
      out.put(name, new Versioned(Key.of(tool), () -> specs.forTool(tool, name)));
    }
    String catalog = catalog(tools);
    for (SyncToolSpecification spec : discovery.specifications(catalog)) {
      out.put(spec.tool().name(), new Versioned(spec.tool().name() + catalog, () -> spec));
    }
    return out;
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

  /** The sources a search can reach, for search_tools' description. */
  private String catalog(List<Tool> tools) {
    Map<String, Integer> bySource = new java.util.TreeMap<>();
    tools.forEach(t -> bySource.merge(t.source(), 1, Integer::sum));
    return "Searches " + tools.size() + " tools of sources: " + bySource.entrySet().stream()
        .map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", ")) + ".";
  }

  /** A tool to list, what identifies its current version, and how to build its specification. */
  record Versioned(Object version, java.util.function.Supplier<SyncToolSpecification> spec) {}
}
