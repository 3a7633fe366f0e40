package dev.executortools.awsapi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.time.Instant;

/**
 * The shared config of the SSO tests (profile {@code dev} of sso-session {@code my-sso}) and the
 * SSO portal's {@code GetRoleCredentials} answer (shape of the botocore model {@code
 * sso/2019-06-10}: {@code roleCredentials} with {@code expiration} in epoch milliseconds).
 */
public final class SsoPortalStubs {
  public static final String DEV_PROFILE_CONFIG =
      """
      [profile dev]
      sso_session = my-sso
      sso_account_id = 111122223333
      sso_role_name = ReadOnly
      region = eu-west-1

      [sso-session my-sso]
      sso_start_url = https://d-9067642ac7.awsapps.com/start
      sso_region = eu-west-1
      sso_registration_scopes = sso:account:access
      """;

  private SsoPortalStubs() {}

  public static ResponseDefinitionBuilder roleCredentials(
      String key, String secret, String token, Instant expiration) {
    return aResponse()
        .withHeader("Content-Type", "application/json")
        .withBody(
            "{\"roleCredentials\": {\"accessKeyId\": \""
                + key
                + "\", \"secretAccessKey\": \""
                + secret
                + "\", \"sessionToken\": \""
                + token
                + "\", \"expiration\": "
                + expiration.toEpochMilli()
                + "}}");
  }
}
