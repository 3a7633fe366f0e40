package dev.executortools;

import dev.executortools.aws.SsoOidcProfile;
import dev.executortools.bind.ServerResolver;
import dev.executortools.compile.CompileOptions;
import dev.executortools.compile.CompiledSource;
import dev.executortools.compile.CompiledTool;
import dev.executortools.compile.ToolCompiler;
import dev.executortools.internal.Json;
import dev.executortools.result.ErrorModel;
import dev.executortools.invoke.HttpTransport;
import dev.executortools.parse.SpecDocument;
import dev.executortools.parse.SpecException;
import dev.executortools.parse.SpecFetcher;
import dev.executortools.parse.SpecReader;
import dev.executortools.tools.BuiltinTools;
import dev.executortools.tools.LocalTool;
import dev.executortools.tools.SourceSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sources behind the HTTP tools: the bundled SSO-OIDC one and those added at run time. Readers
 * see an immutable snapshot; writers replace it under a lock.
 */
final class Sources implements SourceSink {
  static final String BUNDLED_SPEC = "/specs/sso-oidc-2019-06-10.openapi.yaml";

  private final Object writeLock = new Object();
  private volatile Map<String, HttpToolEntry> tools = Map.of();
  private volatile Map<String, List<String>> toolIdsBySource = Map.of();

  Sources(ToolRegistry.Builder config) {
    SsoOidcProfile profile = SsoOidcProfile.create(config.environment);
    CompiledSource bundled = ToolCompiler.compile(readBundled(), null,
        new CompileOptions(SsoOidcProfile.SOURCE_ID, "", profile.hiddenParamKeys()));
    SourceRuntime runtime = new SourceRuntime(
        SsoOidcProfile.SOURCE_ID, null, null, null, profile.serverResolver(), profile.errorModel());
    install(SsoOidcProfile.SOURCE_ID, bundled.tools(), runtime);
  }

  List<LocalTool> builtinTools(HttpTransport transport, Function<JsonNode, Map<String, String>> credentials) {
    SpecFetcher fetcher = new SpecFetcher(transport.client());
    return BuiltinTools.create(fetcher, map -> {
      try {
        return credentials.apply(map);
      } catch (MissingSecretException e) {
        throw new SpecException(ErrorCode.MISSING_SECRET, e.getMessage());
      }
    }, this);
  }

  Collection<HttpToolEntry> httpTools() {
    return tools.values();
  }

  HttpToolEntry httpTool(String id) {
    return tools.get(id);
  }

  @Override
  public ToolResult add(String namespace, JsonNode args, SpecDocument document, String specUrl,
      String specText, boolean replace) {
    if (namespace.equals(SsoOidcProfile.SOURCE_ID)) {
      return ToolResult.failure(ErrorCode.SOURCE_EXISTS, "namespace '" + namespace + "' is reserved");
    }
    CompiledSource compiled = ToolCompiler.compile(
        document, specUrl == null ? null : SpecFetcher.location(specUrl), CompileOptions.forNamespace(namespace));
    SourceRuntime runtime = new SourceRuntime(namespace, Json.text(args, "baseUrl"),
        args.get("headers"), args.get("queryParams"), ServerResolver.DEFAULT, ErrorModel.GENERIC);
    synchronized (writeLock) {
      if (toolIdsBySource.containsKey(namespace) && !replace) {
        return ToolResult.failure(ErrorCode.SOURCE_EXISTS,
            "a source with namespace '" + namespace + "' exists already (pass \"replace\": true to replace it)");
      }
      install(namespace, compiled.tools(), runtime);
    }
    ObjectNode data = Json.object();
    data.put("sourceId", namespace);
    data.put("toolCount", compiled.tools().size());
    ArrayNode ids = data.putArray("tools");
    compiled.toolIds().forEach(ids::add);
    return ToolResult.success(data);
  }

  private void install(String sourceId, List<CompiledTool> compiled, SourceRuntime runtime) {
    synchronized (writeLock) {
      Map<String, HttpToolEntry> next = new TreeMap<>(tools);
      Map<String, List<String>> nextIds = new TreeMap<>(toolIdsBySource);
      List<String> previous = nextIds.remove(sourceId);
      if (previous != null) previous.forEach(next::remove);
      for (CompiledTool tool : compiled) next.put(tool.tool().id(), new HttpToolEntry(tool, runtime));
      nextIds.put(sourceId, compiled.stream().map(t -> t.tool().id()).toList());
      tools = java.util.Collections.unmodifiableMap(next);
      toolIdsBySource = java.util.Collections.unmodifiableMap(nextIds);
    }
  }

  private static SpecDocument readBundled() {
    try (InputStream in = Sources.class.getResourceAsStream(BUNDLED_SPEC)) {
      if (in == null) throw new IllegalStateException("bundled spec missing from the classpath: " + BUNDLED_SPEC);
      return SpecReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SpecException e) {
      throw new IllegalStateException("bundled spec does not compile: " + e.getMessage(), e);
    }
  }
}
