package dev.executortools.sso;

import dev.executortools.home.JsonFiles;
import dev.executortools.home.PrivateFiles;
import dev.executortools.home.StoreException;
import dev.executortools.internal.Json;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The AWS CLI's SSO cache directory ({@code ~/.aws/sso/cache}), shared with the AWS CLI and SDKs:
 * tokens under {@code <sha1 of session name, else start URL>.json}, client registrations under the
 * key of {@link CacheKeys#registration}. Files are written atomically, 0600 in a 0700 directory.
 *
 * @throws StoreException (from every method) when a file cannot be read or written; a damaged file
 *     is left in place and named, never quoted
 */
public final class TokenCache {
  private final Path directory;

  public TokenCache(Path directory) {
    this.directory = Objects.requireNonNull(directory, "directory");
  }

  /** {@code $HOME/.aws/sso/cache} ({@code user.home} when HOME is unset), as the AWS CLI uses. */
  public static Path defaultDirectory(Map<String, String> environment) {
    return AwsConfigFile.home(environment).resolve(".aws").resolve("sso").resolve("cache");
  }

  public Path directory() {
    return directory;
  }

  public Path tokenFile(SsoSession session) {
    return directory.resolve(CacheKeys.token(session) + ".json");
  }

  public Path registrationFile(SsoSession session) {
    return directory.resolve(CacheKeys.registration(session) + ".json");
  }

  /**
   * The session's cached token; empty when there is none or it was issued for another start URL.
   */
  public Optional<SsoToken> token(SsoSession session) {
    Path file = tokenFile(session);
    return JsonFiles.read(file, "SSO token")
        .map(json -> parse(file, "SSO token", () -> SsoToken.fromJson(json)))
        .filter(token -> token.startUrl() == null || token.startUrl().equals(session.startUrl()));
  }

  /**
   * The session a token cached under {@code sessionName} belongs to (its start URL and region from
   * the file), for finding a token by name alone; empty when there is none.
   */
  public Optional<SsoSession> sessionOf(String sessionName) {
    Path file = directory.resolve(CacheKeys.sha1(sessionName) + ".json");
    return JsonFiles.read(file, "SSO token")
        .map(json -> parse(file, "SSO token", () -> SsoToken.fromJson(json)))
        .filter(token -> token.startUrl() != null && token.region() != null)
        .map(
            token ->
                parse(
                    file,
                    "SSO token",
                    () -> new SsoSession(token.startUrl(), token.region(), sessionName, null)));
  }

  public void store(SsoSession session, SsoToken token) {
    write(tokenFile(session), token.toJson());
  }

  /** The session's cached client registration, expired or not. */
  public Optional<ClientRegistration> registration(SsoSession session) {
    Path file = registrationFile(session);
    return JsonFiles.read(file, "SSO client registration")
        .map(
            json ->
                parse(file, "SSO client registration", () -> ClientRegistration.fromJson(json)));
  }

  public void store(SsoSession session, ClientRegistration registration) {
    write(registrationFile(session), registration.toJson());
  }

  /**
   * Removes every cached token, as {@code aws sso logout} does: each {@code *.json} file of the
   * directory holding an {@code accessToken}. Registrations and unreadable files stay.
   *
   * @return how many files were removed
   */
  public int removeTokens() {
    if (!Files.isDirectory(directory)) return 0;
    int removed = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.json")) {
      for (Path file : files) {
        if (holdsToken(file) && PrivateFiles.delete(file)) removed++;
      }
    } catch (IOException e) {
      throw new StoreException("cannot list " + directory + ": " + e.getClass().getSimpleName());
    }
    return removed;
  }

  private static boolean holdsToken(Path file) {
    try {
      return JsonFiles.read(file, "SSO cache").map(json -> json.has("accessToken")).orElse(false);
    } catch (StoreException e) {
      return false; // not ours to judge: aws sso logout skips unreadable files too
    }
  }

  private static void write(Path file, JsonNode json) {
    PrivateFiles.writeAtomically(
        file, out -> Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(out, json));
  }

  private interface Reader<T> {
    T read();
  }

  private static <T> T parse(Path file, String kind, Reader<T> reader) {
    T value;
    try {
      value = reader.read();
    } catch (IllegalArgumentException e) {
      throw JsonFiles.damaged(file, kind, e.getMessage());
    }
    if (value == null) throw JsonFiles.damaged(file, kind, "required fields are missing");
    return value;
  }
}
