package dev.executortools;

import org.jspecify.annotations.Nullable;

/**
 * Shows a person how to sign in to a source ({@link ToolRegistry#signIn}): a URL to open, or a code
 * to enter on another device. Nothing it receives is a secret: a URL carries a one-time {@code
 * state} and PKCE challenge, a user code is short-lived and useless without the person's approval.
 */
public interface SignInPrompt {

  /**
   * The authorization URL to open in a browser on this machine (or print): the sign-in waits for
   * the browser to come back to a loopback address after this returns.
   */
  void openUrl(String url);

  /**
   * Where to go and which code to enter (the device authorization grant); {@code
   * verificationUriComplete}, when the server gives one, carries the code already.
   */
  void showCode(String verificationUri, String userCode, @Nullable String verificationUriComplete);

  /**
   * Whether a browser on this machine can come back to a loopback address. When not, a scheme that
   * offers the device authorization grant signs in with it instead.
   */
  default boolean hasBrowser() {
    return true;
  }
}
