package dev.executortools.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import okhttp3.Dns;

/**
 * Which addresses a URL chosen by a model may reach: public ones always; private ones (loopback,
 * RFC 1918, the special-purpose ranges that are not globally reachable, and every address of this
 * machine's own interfaces) only with {@code allowPrivateNetwork}; link-local and cloud-metadata
 * ones never. See {@link AddressClass} for the ranges and {@link NetworkSettings} for where the
 * user's allowance comes from.
 */
public record NetworkPolicy(boolean allowPrivateNetwork) {
  /** Private addresses refused: the default. */
  public static final NetworkPolicy PUBLIC_ONLY = new NetworkPolicy(false);

  /** Private addresses allowed; link-local and metadata addresses are still refused. */
  public static final NetworkPolicy PRIVATE_ALLOWED = new NetworkPolicy(true);

  private static final String HOW_TO_ALLOW =
      "a model-chosen URL reaches one only when the user"
          + " allows it (--allow-private-network, "
          + NetworkSettings.ENV
          + "=true, or \""
          + NetworkSettings.KEY
          + "\": true in the home's "
          + NetworkSettings.FILE_NAME
          + ")";

  /** Refuses {@code address} (reached for {@code host}) when this policy does not allow it. */
  public void check(String host, InetAddress address) throws BlockedAddressException {
    check(host, address, LocalAddresses.SYSTEM);
  }

  /** As {@link #check(String, InetAddress)}, with {@code local} as this machine's addresses. */
  void check(String host, InetAddress address, LocalAddresses local)
      throws BlockedAddressException {
    AddressClass kind = AddressClass.of(address);
    boolean own = kind == AddressClass.PUBLIC && isOwn(address, local);
    if (own ? allowPrivateNetwork : kind.allowedBy(this)) return;
    String what = address.getHostAddress();
    String named = host == null || host.equals(what) ? what : host + " (" + what + ")";
    throw new BlockedAddressException(
        kind == AddressClass.LINK_LOCAL
            ? named
                + " is a link-local or cloud-metadata address, which a model-chosen URL never reaches"
            : named
                + (own ? " is an address of this machine; " : " is a private or loopback address; ")
                + HOW_TO_ALLOW);
  }

  private static boolean isOwn(InetAddress address, LocalAddresses local) {
    byte[] embedded = AddressClass.embeddedIpv4(address.getAddress());
    return local.contains(address)
        || embedded != null && local.contains(AddressClass.address(embedded));
  }

  /** Checks a URL's host when it is an IP literal (names are checked when they are resolved). */
  public void checkLiteral(String host) throws BlockedAddressException {
    InetAddress literal = AddressClass.literal(host);
    if (literal != null) check(host, literal);
  }

  /**
   * Checks a URL's host before a forward proxy gets the request: the proxy resolves and connects by
   * itself, so the host is judged here first. An IP literal is judged as itself; a name by what it
   * says ({@link HostNames}: cloud-metadata names, names spelling an address) and by every address
   * {@code dns} resolves it to (the proxy may pick any). A name that does not resolve here cannot
   * be judged and is refused unless private addresses are allowed.
   */
  public void checkProxied(String host, Dns dns) throws BlockedAddressException {
    InetAddress literal = AddressClass.literal(host);
    if (literal != null) {
      check(host, literal);
      return;
    }
    AddressClass spelled = HostNames.classOf(host);
    if (spelled != null && !spelled.allowedBy(this)) {
      throw new BlockedAddressException(
          spelled == AddressClass.LINK_LOCAL
              ? host
                  + " names a link-local or cloud-metadata address, which a model-chosen URL never"
                  + " reaches"
              : host + " names a private address; " + HOW_TO_ALLOW);
    }
    List<InetAddress> addresses;
    try {
      addresses = dns.lookup(host);
    } catch (BlockedAddressException e) {
      throw e;
    } catch (UnknownHostException e) {
      addresses = List.of();
    }
    if (addresses.isEmpty() && !allowPrivateNetwork) {
      throw new BlockedAddressException(
          host
              + " does not resolve here, so it cannot be judged"
              + " before a proxy resolves it; "
              + HOW_TO_ALLOW);
    }
    for (InetAddress address : addresses) check(host, address);
  }

  /** The refusal among {@code e}'s causes and suppressed exceptions, or null. */
  public static BlockedAddressException blocked(Throwable e) {
    for (int depth = 0; e != null && depth < 10; depth++, e = e.getCause()) {
      if (e instanceof BlockedAddressException blocked) return blocked;
      for (Throwable suppressed : e.getSuppressed()) {
        if (suppressed instanceof BlockedAddressException blocked) return blocked;
      }
    }
    return null;
  }
}
