package dev.executortools.net;

import dev.executortools.home.JsonFiles;
import dev.executortools.home.StoreException;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Where the user allows model-chosen URLs to reach private addresses, first match wins: the
 * program's own choice (the builder option, the {@code --allow-private-network} flag), else the
 * environment variable {@value #ENV} ({@code true}), else {@code {"allowPrivateNetwork": true}} in
 * {@value #FILE_NAME} of the home directory. Anything else, an unreadable file included, leaves
 * private addresses refused.
 */
public final class NetworkSettings {
  public static final String ENV = "EXECUTOR_TOOLS_ALLOW_PRIVATE_NETWORK";
  public static final String FILE_NAME = "settings.json";
  public static final String KEY = "allowPrivateNetwork";

  private NetworkSettings() {}

  /**
   * @param explicit the program's choice, or null to ask the environment and the home
   * @param environment the environment variables the registry reads
   * @param home the home directory, or null when state is kept in memory
   */
  public static NetworkPolicy policy(Boolean explicit, Map<String, String> environment, Path home) {
    if (explicit != null) return new NetworkPolicy(explicit);
    String env = environment.get(ENV);
    if (env != null && !env.isBlank())
      return new NetworkPolicy(env.strip().equalsIgnoreCase("true"));
    if (home == null) return NetworkPolicy.PUBLIC_ONLY;
    try {
      JsonNode settings = JsonFiles.read(home.resolve(FILE_NAME), "settings").orElse(null);
      boolean allowed =
          settings != null && settings.path(KEY).isBoolean() && settings.get(KEY).booleanValue();
      return new NetworkPolicy(allowed);
    } catch (StoreException e) {
      return NetworkPolicy.PUBLIC_ONLY;
    }
  }
}
