package dev.executortools.net;

import java.net.InetAddress;

/**
 * Which addresses a URL chosen by a model may reach: public ones always, private ones (loopback,
 * RFC 1918...) only with {@code allowPrivateNetwork}, link-local and cloud-metadata ones never. See
 * {@link NetworkSettings} for where the user's allowance comes from.
 */
public record NetworkPolicy(boolean allowPrivateNetwork) {
  /** Private addresses refused: the default. */
  public static final NetworkPolicy PUBLIC_ONLY = new NetworkPolicy(false);

  /** Private addresses allowed; link-local and metadata addresses are still refused. */
  public static final NetworkPolicy PRIVATE_ALLOWED = new NetworkPolicy(true);

  /** Refuses {@code address} (reached for {@code host}) when this policy does not allow it. */
  public void check(String host, InetAddress address) throws BlockedAddressException {
    AddressClass kind = AddressClass.of(address);
    if (kind.allowedBy(this)) return;
    String what = address.getHostAddress();
    String named = host == null || host.equals(what) ? what : host + " (" + what + ")";
    throw new BlockedAddressException(kind == AddressClass.LINK_LOCAL
        ? named + " is a link-local or cloud-metadata address, which a model-chosen URL never reaches"
        : named + " is a private or loopback address; a model-chosen URL reaches one only when the"
            + " user allows it (--allow-private-network, " + NetworkSettings.ENV + "=true, or \""
            + NetworkSettings.KEY + "\": true in the home's " + NetworkSettings.FILE_NAME + ")");
  }

  /** Checks a URL's host when it is an IP literal (names are checked when they are resolved). */
  public void checkLiteral(String host) throws BlockedAddressException {
    InetAddress literal = AddressClass.literal(host);
    if (literal != null) check(host, literal);
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
