package dev.executortools.store;

import dev.executortools.SecretProvider;
import dev.executortools.home.HomeLock;
import dev.executortools.home.JsonFiles;
import dev.executortools.home.PrivateFiles;
import dev.executortools.home.StoreException;
import dev.executortools.internal.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/**
 * Secrets kept apart from sources, in {@code <home>/secrets.json} (0600): {@code
 * {"formatVersion":1,"secrets":{"<name>":"<value>"}}}. Read on every lookup, so a change made by
 * another process takes effect at once; changes are atomic and serialised by the {@link HomeLock}.
 * Nothing here ever puts a value in a message or a {@code toString()}.
 */
public final class FileSecretStore implements SecretProvider {
  public static final String FILE_NAME = "secrets.json";

  private static final int FORMAT_VERSION = 1;
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

  private final Path home;
  private final Path file;

  public FileSecretStore(Path home) {
    this.home = home;
    this.file = home.resolve(FILE_NAME);
  }

  /** Whether {@code name} can name a secret: {@code [A-Za-z0-9_.-]}, 1 to 128 characters. */
  public static boolean isValidName(String name) {
    return name != null && NAME.matcher(name).matches();
  }

  @Override
  public Optional<String> secret(String id) {
    return Optional.ofNullable(read().get(id));
  }

  /** Sets (or replaces) a secret. */
  public void set(String name, String value) {
    requireValidName(name);
    Objects.requireNonNull(value, "value");
    HomeLock.run(
        home,
        () -> {
          TreeMap<String, String> secrets = read();
          secrets.put(name, value);
          write(secrets);
        });
  }

  /**
   * Removes a secret.
   *
   * @return whether it was set
   */
  public boolean remove(String name) {
    if (!isValidName(name)) return false;
    return HomeLock.locked(
        home,
        () -> {
          TreeMap<String, String> secrets = read();
          if (secrets.remove(name) == null) return false;
          write(secrets);
          return true;
        });
  }

  /** The names of the secrets set, sorted. Never the values. */
  public List<String> names() {
    return List.copyOf(read().keySet());
  }

  @Override
  public String toString() {
    return "FileSecretStore[" + file + "]";
  }

  private static void requireValidName(String name) {
    if (!isValidName(name)) {
      throw new IllegalArgumentException(
          "a secret name must be 1 to 128 of A-Z a-z 0-9 _ . - (got \"" + name + "\")");
    }
  }

  private TreeMap<String, String> read() {
    TreeMap<String, String> secrets = new TreeMap<>();
    JsonNode json = JsonFiles.read(file, "secrets").orElse(null);
    if (json == null) return secrets;
    if (!json.isObject() || !json.path("secrets").isObject()) {
      throw damaged("it has no \"secrets\" object");
    }
    if (json.path("formatVersion").asInt(-1) != FORMAT_VERSION) {
      throw damaged("its formatVersion is not " + FORMAT_VERSION);
    }
    for (Map.Entry<String, JsonNode> entry : json.get("secrets").properties()) {
      if (!entry.getValue().isString())
        throw damaged("secret \"" + entry.getKey() + "\" is not a string");
      secrets.put(entry.getKey(), entry.getValue().stringValue());
    }
    return secrets;
  }

  private void write(Map<String, String> secrets) {
    PrivateFiles.writeAtomically(
        file,
        out -> {
          try (JsonGenerator gen = Json.MAPPER.createGenerator(out)) {
            gen.writeStartObject();
            gen.writeNumberProperty("formatVersion", FORMAT_VERSION);
            gen.writeName("secrets");
            gen.writeStartObject();
            for (Map.Entry<String, String> entry : secrets.entrySet()) {
              gen.writeStringProperty(entry.getKey(), entry.getValue());
            }
            gen.writeEndObject();
            gen.writeEndObject();
          }
        });
  }

  private StoreException damaged(String why) {
    return JsonFiles.damaged(file, "secrets", why);
  }
}
