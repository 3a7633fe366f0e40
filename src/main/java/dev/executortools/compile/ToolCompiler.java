package dev.executortools.compile;

import dev.executortools.Tool;
import dev.executortools.ToolAnnotations;
import dev.executortools.extract.Operation;
import dev.executortools.extract.OperationExtractor;
import dev.executortools.extract.Param;
import dev.executortools.extract.SecurityRequirement;
import dev.executortools.extract.ServerSpec;
import dev.executortools.internal.Limits;
import dev.executortools.naming.ToolPathNamer;
import dev.executortools.naming.ToolPathOrder;
import dev.executortools.parse.SpecDocument;
import dev.executortools.schema.Descriptions;
import dev.executortools.schema.InputSchema;
import dev.executortools.schema.SchemaCompiler;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/** Document to tools: extract operations, name them, build their schemas and bindings. */
public final class ToolCompiler {
  private ToolCompiler() {}

  /**
   * @param specLocation where the document came from (resolves relative server URLs), or null
   */
  public static CompiledSource compile(SpecDocument doc, URI specLocation, CompileOptions options) {
    OperationExtractor extractor = new OperationExtractor(doc, specLocation);
    List<Operation> operations = extractor.extract();
    SecurityRequirement documentSecurity = extractor.documentSecurity();
    List<String> paths = ToolPathNamer.toolPaths(operations);
    SchemaCompiler schemas = new SchemaCompiler(doc);
    BindingTexts texts = new BindingTexts(schemas.descriptions());
    List<CompiledTool> tools = new ArrayList<>(operations.size());
    for (int i = 0; i < operations.size(); i++) {
      Operation op = operations.get(i);
      if (!options.servers().isEmpty()) op = withServers(op, options.servers());
      SecurityRequirement security = op.security() != null ? op.security() : documentSecurity;
      tools.add(compileOne(op, security, paths.get(i), schemas, texts, options));
    }
    tools.sort(Comparator.comparing(t -> t.tool().id(), ToolPathOrder.INSTANCE));
    return new CompiledSource(
        options.sourceId(), doc.title(), doc.version(), tools, doc.warnings());
  }

  /**
   * The tools {@link #compile} would give, in its order, with their ids, names and what their
   * operations say, without building any schema (a catalog of many documents stays cheap).
   */
  public static List<ToolListing> list(SpecDocument doc, CompileOptions options) {
    List<Operation> operations = new OperationExtractor(doc, null).extract();
    List<String> paths = ToolPathNamer.toolPaths(operations);
    List<ToolListing> listed = new ArrayList<>(operations.size());
    for (int i = 0; i < operations.size(); i++) {
      Operation op = operations.get(i);
      listed.add(
          new ToolListing(
              options.idPrefix() + paths.get(i),
              paths.get(i),
              op.method(),
              op.pathTemplate(),
              op.summary(),
              op.description()));
    }
    listed.sort(Comparator.comparing(ToolListing::id, ToolPathOrder.INSTANCE));
    return listed;
  }

  private static CompiledTool compileOne(
      Operation op,
      SecurityRequirement security,
      String path,
      SchemaCompiler schemas,
      BindingTexts texts,
      CompileOptions options) {
    InputSchema input = schemas.inputSchema(op, hiddenKeys(op, options), options.baseUrl());
    List<ParamBinding> params = new ArrayList<>();
    for (Param param : op.params()) {
      String property = input.propertyByParamKey().get(param.key());
      if (property != null) params.add(new ParamBinding(property, texts.param(param)));
    }
    ObjectNode inputSchema = input.schema();
    ObjectNode outputSchema = schemas.outputSchema(op);
    Tool tool =
        new Tool(
            options.idPrefix() + path,
            path,
            options.sourceId(),
            description(op, schemas.descriptions()),
            inputSchema,
            outputSchema,
            ToolAnnotations.forHttp(op.method(), op.pathTemplate()));
    HttpBinding binding =
        new HttpBinding(
            op.method(),
            op.pathTemplate(),
            params,
            texts.body(op.requestBody()),
            op.servers(),
            security);
    return new CompiledTool(
        tool,
        inputSchema,
        outputSchema,
        binding,
        new OperationInfo(op.operationId(), op.summary(), op.tags(), op.deprecated()));
  }

  private static Operation withServers(Operation op, List<ServerSpec> servers) {
    return new Operation(
        op.method(),
        op.pathTemplate(),
        op.operationId(),
        op.tags(),
        op.summary(),
        op.description(),
        op.deprecated(),
        op.params(),
        op.requestBody(),
        servers,
        op.successSchema(),
        op.security());
  }

  /**
   * The source's hidden parameters plus the header parameters never taken from arguments ({@link
   * Param#isIgnoredHeader}: Accept, Content-Type, Authorization, and framing headers such as Host).
   */
  private static Set<String> hiddenKeys(Operation op, CompileOptions options) {
    Set<String> hidden = new HashSet<>(options.hiddenParamKeys());
    for (Param param : op.params()) {
      if (param.isIgnoredHeader()) hidden.add(param.key());
    }
    return hidden;
  }

  /**
   * executor's rule: the description, else the summary, else {@code METHOD /path}; a blank text
   * counts as absent (a model gains nothing from an empty description). Cut to {@link
   * Limits#MAX_DESCRIPTION_CHARS} with a marker.
   */
  static String description(Operation op, Descriptions descriptions) {
    if (op.description() != null && !op.description().isBlank())
      return descriptions.shown(op.description());
    if (op.summary() != null && !op.summary().isBlank()) return descriptions.shown(op.summary());
    return op.method().toUpperCase(Locale.ROOT) + " " + op.pathTemplate();
  }
}
