package dev.executortools.testing;

import java.util.Set;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;
import okhttp3.Headers;

/**
 * Revocation that sticks, added to mock-oauth2-server (which answers RFC 7009 requests but honours
 * every refresh token afterwards): a refresh token revoked here is refused as {@code
 * invalid_grant}, as a real authorization server refuses it. Every other request goes to the
 * server's own routes.
 */
public final class RevocationRoute implements Route {
  private final Set<String> revoked;

  public RevocationRoute(Set<String> revoked) {
    this.revoked = revoked;
  }

  @Override
  public boolean match(OAuth2HttpRequest request) {
    if (!request.getMethod().equals("POST")) return false;
    String path = request.getUrl().encodedPath();
    if (path.endsWith("/revoke")) return true;
    return path.endsWith("/token")
        && "refresh_token".equals(form(request, "grant_type"))
        && revoked.contains(form(request, "refresh_token"));
  }

  @Override
  public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
    Headers json = Headers.of("Content-Type", "application/json");
    if (request.getUrl().encodedPath().endsWith("/revoke")) {
      String token = form(request, "token");
      if (token != null) revoked.add(token);
      return new OAuth2HttpResponse(json, 200, "{}", null);
    }
    return new OAuth2HttpResponse(
        json, 400, "{\"error\": \"invalid_grant\", \"error_description\": \"revoked\"}", null);
  }

  private static String form(OAuth2HttpRequest request, String name) {
    return okhttp3.HttpUrl.get("http://x/?" + request.getBody()).queryParameter(name);
  }
}
