package dev.executortools.awsapi;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * The shared config and credentials files ({@code AWS_CONFIG_FILE}, else {@code ~/.aws/config};
 * {@code AWS_SHARED_CREDENTIALS_FILE}, else {@code ~/.aws/credentials}), read with the AWS SDK's
 * own parser and merged as the SDKs merge them (the credentials file wins a property both set).
 */
final class AwsProfiles {
  private final ProfileFile file;
  private final String where;

  private AwsProfiles(ProfileFile file, String where) {
    this.file = file;
    this.where = where;
  }

  static AwsProfiles read(Map<String, String> env) {
    Path config = path(env, "AWS_CONFIG_FILE", "config");
    Path credentials = path(env, "AWS_SHARED_CREDENTIALS_FILE", "credentials");
    ProfileFile.Aggregator all = ProfileFile.aggregator();
    if (Files.isRegularFile(config)) {
      all.addFile(
          ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION).build());
    }
    if (Files.isRegularFile(credentials)) {
      all.addFile(
          ProfileFile.builder().content(credentials).type(ProfileFile.Type.CREDENTIALS).build());
    }
    return new AwsProfiles(all.build(), config + " and " + credentials);
  }

  /** The profile the SDKs use: {@code explicit}, else {@code AWS_PROFILE}, else {@code default}. */
  static String profileName(String explicit, Map<String, String> env) {
    if (explicit != null && !explicit.isBlank()) return explicit;
    String fromEnv = env.get("AWS_PROFILE");
    return fromEnv != null && !fromEnv.isBlank() ? fromEnv : "default";
  }

  Optional<Profile> profile(String name) {
    return file.profile(name);
  }

  Optional<Profile> ssoSession(String name) {
    return file.getSection("sso-session", name);
  }

  String where() {
    return where;
  }

  private static Path path(Map<String, String> env, String variable, String name) {
    String configured = env.get(variable);
    Path home = home(env);
    if (configured != null && !configured.isBlank()) {
      return configured.startsWith("~/")
          ? home.resolve(configured.substring(2))
          : Path.of(configured);
    }
    return home.resolve(".aws").resolve(name);
  }

  static Path home(Map<String, String> env) {
    String home = env.get("HOME");
    return Path.of(home == null || home.isBlank() ? System.getProperty("user.home") : home);
  }
}
