package dev.executortools.store;

/** A credential refers to a secret that is not set. The message names the secret, never a value. */
public final class MissingSecretException extends RuntimeException {
  private final String secretId;

  public MissingSecretException(String secretId) {
    super("secret \"" + secretId + "\" is not set");
    this.secretId = secretId;
  }

  public String secretId() {
    return secretId;
  }
}
