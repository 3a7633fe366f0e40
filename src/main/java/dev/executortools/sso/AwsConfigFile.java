package dev.executortools.sso;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * The SSO settings of the AWS config file ({@code AWS_CONFIG_FILE}, else {@code ~/.aws/config}),
 * read with the AWS SDK's own parser and resolved as {@code aws sso login} resolves them: a profile
 * naming an {@code sso_session} takes {@code sso_start_url}, {@code sso_region} and {@code
 * sso_registration_scopes} from {@code [sso-session NAME]}; a legacy profile has {@code
 * sso_start_url} and {@code sso_region} itself and no session name.
 */
public final class AwsConfigFile {
  private final Path path;
  private final ProfileFile file;

  private AwsConfigFile(Path path, ProfileFile file) {
    this.path = path;
    this.file = file;
  }

  /**
   * {@code $HOME}, else the {@code user.home} property: where the AWS tools look for {@code .aws}.
   */
  public static Path home(Map<String, String> environment) {
    String home = environment.get("HOME");
    return Path.of(home == null || home.isBlank() ? System.getProperty("user.home") : home);
  }

  /** The file the AWS CLI reads: {@code AWS_CONFIG_FILE}, else {@code ~/.aws/config}. */
  public static Path defaultPath(Map<String, String> environment) {
    String configured = environment.get("AWS_CONFIG_FILE");
    if (configured != null && !configured.isBlank()) {
      return configured.startsWith("~/")
          ? home(environment).resolve(configured.substring(2))
          : Path.of(configured);
    }
    return home(environment).resolve(".aws").resolve("config");
  }

  /**
   * @throws IllegalArgumentException when the file is missing or unreadable
   */
  public static AwsConfigFile read(Path path) {
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException("no AWS config file at " + path);
    }
    try {
      return new AwsConfigFile(
          path, ProfileFile.builder().content(path).type(ProfileFile.Type.CONFIGURATION).build());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "cannot read the AWS config file " + path + ": " + e.getMessage());
    }
  }

  /** {@code [profile NAME]} ({@code [default]} for {@code default}) as an SSO session. */
  public SsoSession profile(String name) {
    Profile profile =
        file.profile(name)
            .orElseThrow(() -> new IllegalArgumentException("no profile " + name + " in " + path));
    Optional<String> sessionName = profile.property("sso_session");
    if (sessionName.isPresent()) return ssoSession(sessionName.get());
    Optional<String> startUrl = profile.property("sso_start_url");
    if (startUrl.isEmpty()) {
      throw new IllegalArgumentException(
          "profile " + name + " in " + path + " has neither sso_session nor sso_start_url");
    }
    return new SsoSession(
        startUrl.get(), required(profile, "sso_region", "profile " + name), null, null);
  }

  /** {@code [sso-session NAME]} as an SSO session. */
  public SsoSession ssoSession(String name) {
    Profile section =
        file.getSection("sso-session", name)
            .orElseThrow(
                () -> new IllegalArgumentException("no [sso-session " + name + "] in " + path));
    String where = "[sso-session " + name + "]";
    return new SsoSession(
        required(section, "sso_start_url", where),
        required(section, "sso_region", where),
        name,
        section.property("sso_registration_scopes").map(AwsConfigFile::scopes).orElse(null));
  }

  /**
   * {@code sso_registration_scopes} as the AWS CLI splits it: by commas, stripped, empties dropped.
   */
  static List<String> scopes(String value) {
    return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private String required(Profile section, String property, String where) {
    return section
        .property(property)
        .orElseThrow(
            () -> new IllegalArgumentException(where + " in " + path + " has no " + property));
  }
}
