package dev.executortools;

/** A secret reference that resolves to nothing. Names the secret, never a value. */
final class MissingSecretException extends RuntimeException {
  MissingSecretException(String secretId) {
    super("secret '" + secretId + "' is not set (set it with: secrets set " + secretId + ")", null, false, false);
  }
}
