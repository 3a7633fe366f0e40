package dev.executortools.oauth;

import org.jspecify.annotations.Nullable;

/**
 * Where an authorization server answers. Any URL may be null but those a flow needs: the token
 * endpoint for every grant, the authorization endpoint for the authorization code, the device
 * authorization endpoint for the device grant; without a revocation endpoint, revoking does
 * nothing.
 */
public record OAuthEndpoints(
    @Nullable String issuer,
    @Nullable String authorizationUrl,
    @Nullable String tokenUrl,
    @Nullable String deviceAuthorizationUrl,
    @Nullable String revocationUrl) {}
