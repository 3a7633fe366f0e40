/**
 * An OAuth 2.0 client (RFC 6749, 6750, 7636, 8252, 8414, 8628, 7009; OpenID Connect Discovery):
 * {@link dev.executortools.oauth.Discovery} finds an authorization server's endpoints, {@link
 * dev.executortools.oauth.OAuthClient} signs in (client credentials, authorization code with PKCE
 * through a loopback redirect, device authorization), refreshes and revokes, giving {@link
 * dev.executortools.oauth.TokenSet}s. Requests and responses are built and parsed by the Nimbus
 * OAuth SDK and sent with the caller's OkHttp client (no redirect followed, every body bounded);
 * every failure is an {@link dev.executortools.oauth.OAuthException} whose message names the
 * endpoint and never a secret, code or token. Types and members are non-null unless marked {@link
 * org.jspecify.annotations.Nullable}.
 */
@NullMarked
package dev.executortools.oauth;

import org.jspecify.annotations.NullMarked;
