package dev.executortools.cli;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;

/**
 * Opens the sign-in page in the person's browser when there is a display. Only {@code https} URLs
 * are opened (the URL comes from a server reply; no other scheme handler is ever launched).
 */
final class Browser {
  private Browser() {}

  /** Whether a browser was started. */
  static boolean open(String url, Map<String, String> environment) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return false;
    }
    if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) return false;
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    try {
      if (os.contains("mac")) return start("open", uri.toASCIIString());
      if (os.contains("win")) {
        if (GraphicsEnvironment.isHeadless()
            || !Desktop.isDesktopSupported()
            || !Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) return false;
        Desktop.getDesktop().browse(uri);
        return true;
      }
      boolean display =
          present(environment.get("DISPLAY")) || present(environment.get("WAYLAND_DISPLAY"));
      return display && start("xdg-open", uri.toASCIIString());
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static boolean start(String command, String url) throws IOException {
    new ProcessBuilder(command, url)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    return true;
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
