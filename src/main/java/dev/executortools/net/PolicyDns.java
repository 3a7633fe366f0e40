package dev.executortools.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Dns;

/**
 * Resolves with {@code delegate} and keeps only the addresses {@code policy} allows, so OkHttp
 * never connects to the others; a name with none left is refused. (OkHttp does not ask a {@link
 * Dns} about IP literals: {@link NetworkPolicyInterceptor} checks those.)
 */
public final class PolicyDns implements Dns {
  private final Dns delegate;
  private final NetworkPolicy policy;

  public PolicyDns(Dns delegate, NetworkPolicy policy) {
    this.delegate = delegate;
    this.policy = policy;
  }

  @Override
  public List<InetAddress> lookup(String hostname) throws UnknownHostException {
    List<InetAddress> allowed = new ArrayList<>();
    BlockedAddressException refusal = null;
    for (InetAddress address : delegate.lookup(hostname)) {
      try {
        policy.check(hostname, address);
        allowed.add(address);
      } catch (BlockedAddressException e) {
        refusal = e;
      }
    }
    if (allowed.isEmpty() && refusal != null) throw refusal;
    return allowed;
  }
}
