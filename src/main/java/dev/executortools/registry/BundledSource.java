package dev.executortools.registry;

import dev.executortools.auth.SourceAuth;
import dev.executortools.aws.BundledTools;
import dev.executortools.aws.SsoOidcProfile;
import dev.executortools.compile.CompiledTool;
import dev.executortools.naming.ToolPathOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The bundled SSO-OIDC tools, read (precompiled) on first use: a call of another tool never reads
 * them.
 */
final class BundledSource {
  private final SsoOidcProfile profile;
  private volatile List<HttpToolEntry> tools;
  private volatile Map<String, HttpToolEntry> byId;

  BundledSource(SsoOidcProfile profile) {
    this.profile = profile;
  }

  /** Sorted by id. */
  List<HttpToolEntry> tools() {
    if (tools == null) load();
    return tools;
  }

  HttpToolEntry tool(String id) {
    if (!BundledTools.IDS.contains(id)) return null;
    if (tools == null) load();
    return byId.get(id);
  }

  private synchronized void load() {
    if (tools != null) return;
    SourceRuntime runtime =
        new SourceRuntime(
            SsoOidcProfile.SOURCE_ID,
            null,
            List.of(),
            Map.of(),
            Map.of(),
            profile.serverResolver(),
            profile.errorModel(),
            SourceAuth.NONE,
            null,
            null);
    List<HttpToolEntry> entries = new ArrayList<>();
    Map<String, HttpToolEntry> ids = new HashMap<>();
    for (CompiledTool compiled : BundledTools.load()) {
      HttpToolEntry entry = new HttpToolEntry(compiled, runtime);
      entries.add(entry);
      ids.put(compiled.tool().id(), entry);
    }
    entries.sort(Comparator.comparing(e -> e.tool().id(), ToolPathOrder.INSTANCE));
    byId = Map.copyOf(ids);
    tools = List.copyOf(entries);
  }
}
