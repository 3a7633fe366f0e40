package dev.executortools.sso;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What one sign-in is for: an IAM Identity Center start URL in a region, optionally named by an
 * {@code [sso-session NAME]} of the AWS config file and registered with scopes.
 *
 * @param startUrl the portal URL, e.g. {@code https://d-9067642ac7.awsapps.com/start}
 * @param region the Identity Center region, e.g. {@code us-east-1}
 * @param sessionName the {@code sso-session} name, or null for a profile configured the legacy way
 *     (start URL and region in the profile itself)
 * @param scopes registration scopes ({@code sso_registration_scopes}), or null when none are set
 */
public record SsoSession(String startUrl, String region, String sessionName, List<String> scopes) {
  private static final Pattern REGION = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  public SsoSession {
    if (startUrl == null || startUrl.isBlank()) {
      throw new IllegalArgumentException("a start URL is required (sso_start_url or --start-url)");
    }
    if (region == null || !REGION.matcher(region).matches()) {
      throw new IllegalArgumentException(
          "the SSO region must be an AWS region name such as us-east-1 (sso_region or --region)");
    }
    if (sessionName != null && sessionName.isBlank()) sessionName = null;
    scopes = scopes == null || scopes.isEmpty() ? null : List.copyOf(scopes);
    startUrl = startUrl.strip();
  }

  /** A session by start URL and region alone, as {@code sso login --start-url} makes. */
  public static SsoSession of(String startUrl, String region) {
    return new SsoSession(startUrl, region, null, null);
  }

  /** How the session is named in messages: its name, else its start URL. */
  public String label() {
    return Objects.requireNonNullElse(sessionName, startUrl);
  }
}
