package dev.executortools.mcp;

import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -jar target/executor-tools.jar mcp --http 127.0.0.1:0 ...} as a real subprocess: its
 * endpoint read from the line it prints on stderr, and SDK clients over Streamable HTTP to it.
 */
final class McpHttpJar implements AutoCloseable {
  private static final Pattern SERVING = Pattern.compile("serving on (http://\\S+)");

  final URI endpoint;
  private final Process process;
  private final List<McpJarClient> clients = new ArrayList<>();

  McpHttpJar(Path home, Map<String, String> env, String... mcpArgs) throws Exception {
    if (!Files.isRegularFile(McpJarClient.JAR)) {
      throw new IllegalStateException(McpJarClient.JAR + " is missing: run mvn package first");
    }
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-jar",
                McpJarClient.JAR.toString(),
                "--home",
                home.toString(),
                "mcp"));
    command.addAll(List.of(mcpArgs));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().putAll(env);
    process = builder.start();
    CompletableFuture<URI> serving = new CompletableFuture<>();
    Thread stderr =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                  System.err.println("[server] " + line);
                  Matcher m = SERVING.matcher(line);
                  if (m.find()) serving.complete(URI.create(m.group(1)));
                }
              } catch (java.io.IOException e) {
                // the process ended
              }
              serving.completeExceptionally(new AssertionError("the server ended before serving"));
            },
            "mcp-http-jar-stderr");
    stderr.setDaemon(true);
    stderr.start();
    try {
      endpoint = serving.get(McpJarClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      process.destroyForcibly();
      throw e;
    }
  }

  /** The endpoint's origin ({@code http://127.0.0.1:PORT}), as the SDK's transport takes it. */
  String base() {
    return endpoint.getScheme() + "://" + endpoint.getAuthority();
  }

  /**
   * An SDK client over Streamable HTTP sending {@code token} (null: none), answering approvals with
   * {@code answer}.
   */
  McpJarClient connect(
      String token, Function<McpSchema.ElicitRequest, McpSchema.ElicitResult> answer) {
    HttpClientStreamableHttpTransport.Builder transport =
        HttpClientStreamableHttpTransport.builder(base()).endpoint(endpoint.getPath());
    if (token != null) {
      transport.httpRequestCustomizer(
          (request, method, uri, body, context) ->
              request.header("Authorization", "Bearer " + token));
    }
    McpJarClient client = new McpJarClient(transport.build(), answer);
    clients.add(client);
    return client;
  }

  @Override
  public void close() throws Exception {
    for (McpJarClient client : clients) client.close();
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly();
  }
}
