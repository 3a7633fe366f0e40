package dev.executortools.awsapi;

/** No credentials could be had; the message says why and what to do, never a secret. */
public final class AwsCredentialsException extends Exception {
  public AwsCredentialsException(String message) {
    super(message, null, false, false);
  }
}
