package dev.executortools.awsapi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import software.amazon.awssdk.profiles.Profile;

/**
 * AWS credentials found as the AWS SDKs find them. With no profile named: the environment ({@code
 * AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_SESSION_TOKEN}), then the profile
 * {@code AWS_PROFILE}, else {@code default}. With a profile named ({@code --profile}, a source's
 * {@code awsProfile}): that profile. A profile gives, in the SDKs' order, SSO role credentials
 * ({@code sso_session} or {@code sso_start_url}), a role ({@code role_arn} with {@code
 * source_profile}), {@code credential_process}, or static keys. The instance metadata service is
 * never asked. Temporary credentials are kept until five minutes before they expire.
 */
public final class AwsCredentialChain {
  private static final Duration REFRESH_BEFORE = Duration.ofMinutes(5);

  private final Map<String, String> env;
  private final Supplier<OkHttpClient> http;
  private final Clock clock;
  private final Map<String, AwsCredentials> kept = new HashMap<>();

  public AwsCredentialChain(Map<String, String> env, Supplier<OkHttpClient> http, Clock clock) {
    this.env = Map.copyOf(env);
    this.http = http;
    this.clock = clock;
  }

  /** Credentials for {@code profile} (null: the environment's, then the default profile's). */
  public synchronized AwsCredentials resolve(String profile) throws AwsCredentialsException {
    String key = profile == null ? "" : profile;
    AwsCredentials held = kept.get(key);
    Instant now = clock.instant();
    if (held != null && !held.expiresBefore(now.plus(REFRESH_BEFORE))) return held;
    AwsCredentials fresh = find(profile, now);
    kept.put(key, fresh);
    return fresh;
  }

  /**
   * Drops {@code rejected} (an API answered that they have expired) so that the next {@link
   * #resolve} fetches fresh ones; credentials kept since then stay.
   */
  public synchronized void forget(String profile, AwsCredentials rejected) {
    kept.remove(profile == null ? "" : profile, rejected);
  }

  /**
   * The profile {@link #resolve} reads: {@code profile}, else {@code AWS_PROFILE}, else {@code
   * default} (used only when the environment has no keys, for a null {@code profile}).
   */
  public String profileName(String profile) {
    return AwsProfiles.profileName(profile, env);
  }

  /** Which credentials {@link #resolve} would use, without asking any service for them. */
  public String describe(String profile) {
    if (profile == null && fromEnvironment().isPresent()) return "environment (AWS_ACCESS_KEY_ID)";
    String name = AwsProfiles.profileName(profile, env);
    AwsProfiles files = AwsProfiles.read(env);
    Optional<Profile> found = files.profile(name);
    if (found.isEmpty()) return "none (no profile " + name + " in " + files.where() + ")";
    return "profile " + name + " (" + kind(found.get()) + ")";
  }

  /**
   * The region for {@code profile}: {@code AWS_REGION}, {@code AWS_DEFAULT_REGION}, the profile's
   * {@code region}, else null.
   */
  public String region(String profile) {
    for (String variable : new String[] {"AWS_REGION", "AWS_DEFAULT_REGION"}) {
      String value = env.get(variable);
      if (value != null && !value.isBlank()) return value.strip();
    }
    return AwsProfiles.read(env)
        .profile(AwsProfiles.profileName(profile, env))
        .flatMap(p -> p.property("region"))
        .orElse(null);
  }

  private AwsCredentials find(String profile, Instant now) throws AwsCredentialsException {
    if (profile == null) {
      Optional<AwsCredentials> environment = fromEnvironment();
      if (environment.isPresent()) return environment.get();
    }
    return fromProfile(
        AwsProfiles.profileName(profile, env), AwsProfiles.read(env), new HashSet<>(), now);
  }

  private Optional<AwsCredentials> fromEnvironment() {
    String key = env.get("AWS_ACCESS_KEY_ID");
    String secret = env.get("AWS_SECRET_ACCESS_KEY");
    if (key == null || key.isBlank() || secret == null || secret.isBlank()) return Optional.empty();
    String token = env.get("AWS_SESSION_TOKEN");
    return Optional.of(
        new AwsCredentials(
            key.strip(),
            secret.strip(),
            token == null || token.isBlank() ? null : token.strip(),
            null,
            "environment"));
  }

  private AwsCredentials fromProfile(
      String name, AwsProfiles files, Set<String> visited, Instant now)
      throws AwsCredentialsException {
    if (!visited.add(name)) {
      throw new AwsCredentialsException(
          "profile " + name + " is its own source_profile, in a loop");
    }
    Profile profile =
        files
            .profile(name)
            .orElseThrow(
                () ->
                    new AwsCredentialsException(
                        "no AWS credentials: no profile "
                            + name
                            + " in "
                            + files.where()
                            + " and no AWS_ACCESS_KEY_ID (the instance metadata service is never"
                            + " asked)"));
    switch (kind(profile)) {
      case "sso":
        return SsoRoleCredentials.fetch(name, profile, files, env, http.get(), now);
      case "role":
        Optional<String> source = profile.property("source_profile");
        if (source.isEmpty()) {
          throw new AwsCredentialsException(
              "profile "
                  + name
                  + " has role_arn without source_profile (credential_source is"
                  + " not supported)");
        }
        AwsCredentials sourceCredentials =
            source.get().equals(name) && hasKeys(profile)
                ? staticKeys(name, profile)
                : fromProfile(source.get(), files, visited, now);
        return AssumeRole.fetch(name, profile, sourceCredentials, env, http.get(), now);
      case "credential_process":
        return ProcessCredentials.run(profile.property("credential_process").get(), name);
      case "static keys":
        return staticKeys(name, profile);
      default:
        throw new AwsCredentialsException(
            "profile "
                + name
                + " has no credentials (no sso_session, role_arn, credential_process"
                + " or aws_access_key_id)");
    }
  }

  /** What a profile holds, in the order the SDKs look. */
  private static String kind(Profile profile) {
    if (has(profile, "sso_session")
        || has(profile, "sso_start_url")
        || has(profile, "sso_account_id")
        || has(profile, "sso_role_name")) {
      return "sso";
    }
    if (has(profile, "role_arn")) return "role";
    if (has(profile, "credential_process")) return "credential_process";
    if (hasKeys(profile)) return "static keys";
    return "nothing";
  }

  private static boolean hasKeys(Profile profile) {
    return has(profile, "aws_access_key_id") && has(profile, "aws_secret_access_key");
  }

  private static boolean has(Profile profile, String property) {
    return profile.property(property).filter(v -> !v.isBlank()).isPresent();
  }

  private static AwsCredentials staticKeys(String name, Profile profile) {
    return new AwsCredentials(
        profile.property("aws_access_key_id").get(),
        profile.property("aws_secret_access_key").get(),
        profile.property("aws_session_token").filter(v -> !v.isBlank()).orElse(null),
        null,
        "profile " + name + " (static keys)");
  }
}
