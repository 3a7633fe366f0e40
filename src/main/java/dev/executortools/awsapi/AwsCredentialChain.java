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
 * AWS credentials found as the AWS SDK for Java v2 finds them ({@code DefaultCredentialsProvider},
 * {@code ProfileCredentialsUtils}). With no profile named: the environment ({@code
 * AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_SESSION_TOKEN}), then a web
 * identity ({@code AWS_WEB_IDENTITY_TOKEN_FILE} with {@code AWS_ROLE_ARN}), then the profile {@code
 * AWS_PROFILE}, else {@code default}, then, where that profile does not exist, container
 * credentials ({@link ContainerCredentials}, through the network policy). With a profile named
 * ({@code --profile}, a source's {@code awsProfile}): that profile. A profile gives, in the SDKs'
 * order, a web identity role ({@code role_arn} with {@code web_identity_token_file}), SSO role
 * credentials ({@code sso_session} or {@code sso_start_url}), a role ({@code role_arn} with {@code
 * source_profile}, or with {@code credential_source} {@code Environment} or {@code EcsContainer}),
 * {@code credential_process}, or static keys. The instance metadata service is never asked ({@code
 * credential_source = Ec2InstanceMetadata} is refused). Temporary credentials are kept until five
 * minutes before they expire.
 */
public final class AwsCredentialChain {
  private static final Duration REFRESH_BEFORE = Duration.ofMinutes(5);

  private final Map<String, String> env;
  private final Supplier<OkHttpClient> http;
  private final Supplier<OkHttpClient> guarded;
  private final Clock clock;
  private final Map<String, AwsCredentials> kept = new HashMap<>();

  public AwsCredentialChain(Map<String, String> env, Supplier<OkHttpClient> http, Clock clock) {
    this(env, http, http, clock);
  }

  /**
   * @param http the client of AWS's own endpoints (SSO, SSO-OIDC, STS)
   * @param guarded the client of addresses the environment names for credentials (container
   *     credentials): the network policy's
   */
  public AwsCredentialChain(
      Map<String, String> env,
      Supplier<OkHttpClient> http,
      Supplier<OkHttpClient> guarded,
      Clock clock) {
    this.env = Map.copyOf(env);
    this.http = http;
    this.guarded = guarded;
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
    if (profile == null && webIdentityInEnvironment()) {
      return "environment (AWS_WEB_IDENTITY_TOKEN_FILE)";
    }
    String name = AwsProfiles.profileName(profile, env);
    AwsProfiles files = AwsProfiles.read(env);
    Optional<Profile> found = files.profile(name);
    if (found.isEmpty() && profile == null && ContainerCredentials.configured(env)) {
      return "container credentials";
    }
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
    AwsProfiles files = AwsProfiles.read(env);
    String name = AwsProfiles.profileName(profile, env);
    if (profile == null) {
      Optional<AwsCredentials> environment = fromEnvironment();
      if (environment.isPresent()) return environment.get();
      if (webIdentityInEnvironment()) {
        return AssumeRole.withWebIdentity(
            env.get("AWS_ROLE_ARN").strip(),
            env.get("AWS_WEB_IDENTITY_TOKEN_FILE").strip(),
            Optional.ofNullable(env.get("AWS_ROLE_SESSION_NAME")),
            Optional.empty(),
            env,
            http.get(),
            now,
            "environment (AWS_WEB_IDENTITY_TOKEN_FILE)");
      }
      if (files.profile(name).isEmpty() && ContainerCredentials.configured(env)) {
        return ContainerCredentials.fetch(env, guarded.get(), "container credentials");
      }
    }
    return fromProfile(name, files, new HashSet<>(), now);
  }

  private boolean webIdentityInEnvironment() {
    return !env.getOrDefault("AWS_WEB_IDENTITY_TOKEN_FILE", "").isBlank()
        && !env.getOrDefault("AWS_ROLE_ARN", "").isBlank();
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
      case "web identity":
        return AssumeRole.withWebIdentity(
            profile.property("role_arn").get(),
            profile.property("web_identity_token_file").get(),
            profile.property("role_session_name"),
            profile.property("region"),
            env,
            http.get(),
            now,
            "profile " + name);
      case "sso":
        return SsoRoleCredentials.fetch(name, profile, files, env, http.get(), now);
      case "role":
        return AssumeRole.fetch(
            name, profile, roleSource(name, profile, files, visited, now), env, http.get(), now);
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

  /** The credentials a role is assumed with: its source_profile's, or its credential_source's. */
  private AwsCredentials roleSource(
      String name, Profile profile, AwsProfiles files, Set<String> visited, Instant now)
      throws AwsCredentialsException {
    Optional<String> source = profile.property("source_profile").filter(s -> !s.isBlank());
    Optional<String> credentialSource =
        profile.property("credential_source").filter(s -> !s.isBlank());
    if (source.isPresent() && credentialSource.isPresent()) {
      throw new AwsCredentialsException(
          "profile " + name + " has both source_profile and credential_source");
    }
    if (source.isPresent()) {
      return source.get().equals(name) && hasKeys(profile)
          ? staticKeys(name, profile)
          : fromProfile(source.get(), files, visited, now);
    }
    switch (credentialSource.orElse("")) {
      case "Environment":
        return fromEnvironment()
            .orElseThrow(
                () ->
                    new AwsCredentialsException(
                        "profile "
                            + name
                            + " takes its role's source credentials from the environment, which"
                            + " has no AWS_ACCESS_KEY_ID"));
      case "EcsContainer":
        if (!ContainerCredentials.configured(env)) {
          throw new AwsCredentialsException(
              "profile "
                  + name
                  + " takes its role's source credentials from the container, but neither "
                  + ContainerCredentials.FULL_URI
                  + " nor "
                  + ContainerCredentials.RELATIVE_URI
                  + " is set");
        }
        return ContainerCredentials.fetch(env, guarded.get(), "container credentials");
      case "Ec2InstanceMetadata":
        throw new AwsCredentialsException(
            "profile "
                + name
                + " takes its role's source credentials from the instance metadata service,"
                + " which is never asked");
      default:
        throw new AwsCredentialsException(
            "profile "
                + name
                + " has role_arn without source_profile or a credential_source of Environment,"
                + " EcsContainer or Ec2InstanceMetadata");
    }
  }

  /** What a profile holds, in the order the SDKs look. */
  private static String kind(Profile profile) {
    if (has(profile, "role_arn") && has(profile, "web_identity_token_file")) {
      return "web identity";
    }
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
