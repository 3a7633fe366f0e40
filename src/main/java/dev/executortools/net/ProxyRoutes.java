package dev.executortools.net;

import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.util.List;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Whether a client sends a URL through a forward proxy, decided as OkHttp decides it: the client's
 * own {@link Proxy} when it has one, else what its {@link ProxySelector} answers for the URL (by
 * default the JVM's, from {@code http.proxyHost}, {@code https.proxyHost}, {@code
 * socksProxyHost}...). Any proxy among the answers counts. Also the client's {@link Dns}, to
 * resolve a proxied host the way the client would.
 */
public final class ProxyRoutes {
  /** OkHttp's defaults: the JVM's proxy selector, asked on each use, and the system resolver. */
  public static final ProxyRoutes DEFAULT = new ProxyRoutes(null, null, Dns.SYSTEM);

  private final Proxy proxy;
  private final ProxySelector selector;
  private final Dns dns;

  private ProxyRoutes(Proxy proxy, ProxySelector selector, Dns dns) {
    this.proxy = proxy;
    this.selector = selector;
    this.dns = dns;
  }

  /**
   * How {@code client} routes its requests (its proxy, proxy selector and resolver as they are
   * now).
   */
  public static ProxyRoutes of(OkHttpClient client) {
    return new ProxyRoutes(client.proxy(), client.proxySelector(), client.dns());
  }

  /** Whether a request for {@code url} may go through a proxy. */
  public boolean proxied(HttpUrl url) {
    if (proxy != null) return proxy.type() != Proxy.Type.DIRECT;
    URI uri = url.uri();
    if (uri.getHost() == null) return false; // OkHttp connects directly then
    ProxySelector chooser = selector != null ? selector : ProxySelector.getDefault();
    if (chooser == null) return false;
    List<Proxy> proxies;
    try {
      proxies = chooser.select(uri);
    } catch (RuntimeException e) {
      return true; // cannot tell: judged as if proxied, the stricter check
    }
    return proxies != null && proxies.stream().anyMatch(p -> p.type() != Proxy.Type.DIRECT);
  }

  /** The resolver the client uses. */
  public Dns dns() {
    return dns;
  }
}
