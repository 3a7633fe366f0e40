package dev.executortools.registry;

import dev.executortools.Tool;
import dev.executortools.bind.RequestPlan;
import dev.executortools.compile.CompiledTool;
import dev.executortools.schema.ArgumentValidator;
import java.util.ArrayList;
import java.util.List;

/**
 * A registered OpenAPI tool. Its validator and request plan are built on first call and kept:
 * listing 22,000 tools costs nothing, calling one twice compiles it once.
 */
final class HttpToolEntry {
  final CompiledTool compiled;
  final SourceRuntime source;
  private volatile ArgumentValidator validator;
  private volatile RequestPlan plan;
  private volatile TrustedOrigins trustedOrigins;

  HttpToolEntry(CompiledTool compiled, SourceRuntime source) {
    this.compiled = compiled;
    this.source = source;
  }

  Tool tool() {
    return compiled.tool();
  }

  ArgumentValidator validator() {
    ArgumentValidator v = validator;
    if (v == null) validator = v = ArgumentValidator.forSchema(compiled.inputSchema());
    return v;
  }

  TrustedOrigins trustedOrigins() {
    TrustedOrigins t = trustedOrigins;
    if (t == null) {
      List<String> listed = new ArrayList<>(source.trustedOrigins());
      listed.addAll(source.serverResolver().configuredBaseUrls());
      trustedOrigins =
          t = TrustedOrigins.of(source.baseUrl(), compiled.binding().servers(), listed);
    }
    return t;
  }

  RequestPlan plan() {
    RequestPlan p = plan;
    if (p == null) plan = p = RequestPlan.of(compiled.binding());
    return p;
  }
}
