package dev.executortools.wire;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A forward proxy on loopback that records the request line of every request it gets ({@code GET
 * http://host/path HTTP/1.1}, {@code CONNECT host:443 HTTP/1.1}) and, without going anywhere,
 * answers each with a small spec, or with a redirect where one is set: what a real proxy would
 * fetch, so a request that reached it would have succeeded.
 */
final class LoggingProxy implements AutoCloseable {
  private final ServerSocket server;
  private final List<String> requestLines = new CopyOnWriteArrayList<>();
  private final Map<String, String> redirects = new ConcurrentHashMap<>();
  private final byte[] spec =
      Exfiltration.spec("- url: https://api.example.com").getBytes(StandardCharsets.UTF_8);

  LoggingProxy() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::serve, "logging-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  Proxy proxy() {
    return new Proxy(Proxy.Type.HTTP, new InetSocketAddress(server.getInetAddress(), port()));
  }

  /** Answers a request for {@code url} (as the proxy gets it) with a 302 to {@code location}. */
  void redirect(String url, String location) {
    redirects.put(url, location);
  }

  List<String> requestLines() {
    return List.copyOf(requestLines);
  }

  private void serve() {
    while (!server.isClosed()) {
      try (Socket client = server.accept()) {
        client.setSoTimeout(10_000);
        answer(client);
      } catch (IOException e) {
        // closed, or a client that went away: the next one
      }
    }
  }

  private void answer(Socket client) throws IOException {
    BufferedReader in =
        new BufferedReader(
            new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
    String requestLine = in.readLine();
    if (requestLine == null) return;
    requestLines.add(requestLine);
    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
      // headers: not needed
    }
    String[] parts = requestLine.split(" ");
    String location = parts.length > 1 ? redirects.get(parts[1]) : null;
    OutputStream out = client.getOutputStream();
    if (location != null) {
      out.write(
          ("HTTP/1.1 302 Found\r\nLocation: "
                  + location
                  + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
    } else {
      out.write(
          ("HTTP/1.1 200 OK\r\nContent-Type: application/yaml\r\nContent-Length: "
                  + spec.length
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.write(spec);
    }
    out.flush();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
