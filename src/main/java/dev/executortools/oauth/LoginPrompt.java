package dev.executortools.oauth;

import org.jspecify.annotations.Nullable;

/** Shows a person what to do to sign in: a URL to open, or a code to enter. */
public interface LoginPrompt {
  /**
   * The authorization URL of the authorization code flow, to open in a browser (or print). The flow
   * waits for the browser to come back to the loopback redirect after this returns.
   */
  void openAuthorizationUrl(String url);

  /**
   * The device flow's user code and where to enter it; {@code verificationUriComplete}, when the
   * server gives one, carries the code already (for a link or a QR code).
   */
  void showUserCode(
      String verificationUri, String userCode, @Nullable String verificationUriComplete);
}
