package dev.executortools.mcp;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A loopback HTTP server that reads a request and never answers, and notes when the client closes
 * the connection: what a cancelled call looks like on the wire (WireMock's delayed stubs cannot say
 * whether the client went away).
 */
final class HangingUpstream implements AutoCloseable {
  private final ServerSocket server;
  private final CountDownLatch requested = new CountDownLatch(1);
  private final CountDownLatch closedByClient = new CountDownLatch(1);

  HangingUpstream() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accepting = new Thread(this::serveOne, "hanging-upstream");
    accepting.setDaemon(true);
    accepting.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  private void serveOne() {
    try (Socket socket = server.accept();
        InputStream in = socket.getInputStream()) {
      int matched = 0;
      byte[] end = "\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      for (int b = in.read(); b >= 0; b = in.read()) {
        matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
        if (matched == end.length) break;
      }
      requested.countDown();
      while (in.read() >= 0) {
        // a body, if any; then nothing until the client closes
      }
      closedByClient.countDown();
    } catch (IOException e) {
      closedByClient.countDown(); // a reset is a close too
    }
  }

  boolean awaitRequest(long seconds) throws InterruptedException {
    return requested.await(seconds, TimeUnit.SECONDS);
  }

  boolean awaitClosedByClient(long seconds) throws InterruptedException {
    return closedByClient.await(seconds, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
