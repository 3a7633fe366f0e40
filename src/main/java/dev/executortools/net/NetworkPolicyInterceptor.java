package dev.executortools.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import okhttp3.Connection;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Applies a {@link NetworkPolicy} where OkHttp's {@link PolicyDns} cannot: installed as an
 * application interceptor it refuses an IP-literal URL before any connection is opened; installed
 * as a network interceptor it checks, on every hop, the address the connection actually reached (so
 * DNS rebinding and reused connections are covered) before a byte of the request is written, and
 * refuses a redirect to an IP literal the policy forbids before it is followed.
 *
 * <p>A request a forward proxy carries connects to the proxy, which resolves and reaches the URL's
 * host by itself: for such a URL ({@link ProxyRoutes#proxied}) the host is judged by {@link
 * NetworkPolicy#checkProxied} before the first connection (application level) and before a redirect
 * to it is followed, and again once connected.
 *
 * <p>{@link #awayFromFirstOrigin} checks only the hops that leave the origin of the call's first
 * request: a URL the user configured is theirs, but where its server redirects to is not.
 */
public final class NetworkPolicyInterceptor implements Interceptor {
  private final NetworkPolicy policy;
  private final boolean firstOriginExempt;
  private final ProxyRoutes routes;

  /** For a client with OkHttp's default proxy selection and resolver. */
  public NetworkPolicyInterceptor(NetworkPolicy policy) {
    this(policy, ProxyRoutes.DEFAULT);
  }

  /** For a client that routes requests as {@code routes} says. */
  public NetworkPolicyInterceptor(NetworkPolicy policy, ProxyRoutes routes) {
    this(policy, false, routes);
  }

  private NetworkPolicyInterceptor(
      NetworkPolicy policy, boolean firstOriginExempt, ProxyRoutes routes) {
    this.policy = policy;
    this.firstOriginExempt = firstOriginExempt;
    this.routes = routes;
  }

  /**
   * A network interceptor for user-configured URLs of a client that routes requests as {@code
   * routes} says: the policy applies once a redirect leaves their origin.
   */
  public static NetworkPolicyInterceptor awayFromFirstOrigin(
      NetworkPolicy policy, ProxyRoutes routes) {
    return new NetworkPolicyInterceptor(policy, true, routes);
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    HttpUrl url = chain.request().url();
    HttpUrl first = chain.call().request().url();
    Connection connection = chain.connection();
    if (connection == null) { // application level: nothing connected yet
      if (!firstOriginExempt) checkBeforeConnecting(url);
      return chain.proceed(chain.request());
    }
    if (!firstOriginExempt || !RedirectGuardInterceptor.sameOrigin(first, url)) {
      checkConnected(connection, url);
    }
    Response response = chain.proceed(chain.request());
    String location = response.isRedirect() ? response.header("Location") : null;
    HttpUrl next = location == null ? null : url.resolve(location);
    if (next != null && !(firstOriginExempt && RedirectGuardInterceptor.sameOrigin(first, next))) {
      try {
        checkBeforeConnecting(next);
      } catch (BlockedAddressException e) {
        response.close();
        throw e;
      }
    }
    return response;
  }

  /** What can be judged of {@code url} before connecting: an IP literal, or a proxied host. */
  private void checkBeforeConnecting(HttpUrl url) throws BlockedAddressException {
    if (routes.proxied(url)) {
      policy.checkProxied(url.host(), routes.dns());
    } else {
      policy.checkLiteral(url.host());
    }
  }

  private void checkConnected(Connection connection, HttpUrl url) throws BlockedAddressException {
    Proxy proxy = connection.route().proxy();
    InetSocketAddress peer = connection.route().socketAddress();
    if (proxy.type() == Proxy.Type.DIRECT && peer.getAddress() != null) {
      policy.check(url.host(), peer.getAddress());
    } else {
      policy.checkProxied(url.host(), routes.dns()); // the proxy's address says nothing of the host
    }
  }
}
