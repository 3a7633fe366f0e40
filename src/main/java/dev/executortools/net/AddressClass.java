package dev.executortools.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * What an IP address reaches. {@link #LINK_LOCAL} (169.254.0.0/16, fe80::/10, and the cloud
 * metadata addresses fd00:ec2::254 and 100.100.100.200) is never reached through a model's choice;
 * {@link #PRIVATE} (loopback, 0.0.0.0/8, RFC 1918, carrier-grade NAT 100.64.0.0/10, fc00::/7,
 * multicast and reserved ranges) only when the user allows it. IPv4 addresses embedded in IPv6
 * (mapped, compatible, NAT64 64:ff9b::/96) are judged as the IPv4 address they carry.
 */
public enum AddressClass {
  PUBLIC,
  PRIVATE,
  LINK_LOCAL;

  private static final byte[] AWS_METADATA_V6 = {
    (byte) 0xfd, 0x00, 0x0e, (byte) 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54
  };

  public static AddressClass of(InetAddress address) {
    if (address instanceof Inet4Address v4) return ofIpv4(v4.getAddress());
    byte[] b = address.getAddress();
    byte[] embedded = embeddedIpv4(b);
    if (embedded != null) return ofIpv4(embedded);
    if (Arrays.equals(b, AWS_METADATA_V6)) return LINK_LOCAL;
    int first = b[0] & 0xff;
    if (first == 0xfe && (b[1] & 0xc0) == 0x80) return LINK_LOCAL; // fe80::/10
    if (address.isAnyLocalAddress() || address.isLoopbackAddress()) return PRIVATE;
    if ((first & 0xfe) == 0xfc) return PRIVATE; // fc00::/7 unique local
    if (first == 0xfe && (b[1] & 0xc0) == 0xc0) return PRIVATE; // fec0::/10 site local (deprecated)
    if (first == 0xff) return PRIVATE; // multicast
    return PUBLIC;
  }

  private static AddressClass ofIpv4(byte[] b) {
    int a0 = b[0] & 0xff;
    int a1 = b[1] & 0xff;
    if (a0 == 169 && a1 == 254) return LINK_LOCAL;
    if (a0 == 100 && a1 == 100 && (b[2] & 0xff) == 100 && (b[3] & 0xff) == 200) return LINK_LOCAL;
    if (a0 == 0 || a0 == 127 || a0 == 10) return PRIVATE;
    if (a0 == 172 && (a1 & 0xf0) == 16) return PRIVATE;
    if (a0 == 192 && a1 == 168) return PRIVATE;
    if (a0 == 100 && (a1 & 0xc0) == 64) return PRIVATE; // 100.64.0.0/10, carrier-grade NAT
    if (a0 == 192 && a1 == 0 && (b[2] & 0xff) == 0) return PRIVATE; // 192.0.0.0/24, IETF protocol
    if (a0 == 198 && (a1 & 0xfe) == 18) return PRIVATE; // 198.18.0.0/15, benchmarking
    if (a0 >= 224) return PRIVATE; // multicast, reserved, broadcast
    return PUBLIC;
  }

  /** The IPv4 address inside ::ffff:a.b.c.d, ::a.b.c.d or 64:ff9b::a.b.c.d; else null. */
  private static byte[] embeddedIpv4(byte[] b) {
    boolean zeros = true;
    for (int i = 0; i < 10; i++) zeros &= b[i] == 0;
    boolean mapped = zeros && b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    boolean compatible = zeros && b[10] == 0 && b[11] == 0 && !(b[12] == 0 && b[13] == 0 && b[14] == 0);
    boolean nat64 = b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b;
    for (int i = 4; nat64 && i < 12; i++) nat64 = b[i] == 0;
    return mapped || compatible || nat64 ? Arrays.copyOfRange(b, 12, 16) : null;
  }

  /** The address of an IP literal host ({@code 10.0.0.1}, {@code ::1}); null for a name. */
  static InetAddress literal(String host) {
    String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (!h.contains(":") && !h.matches("[0-9.]+")) return null;
    try {
      return InetAddress.getByName(h); // a literal: no lookup happens
    } catch (UnknownHostException e) {
      return null;
    }
  }

  /** Whether an address of this class is reached under {@code policy}. */
  boolean allowedBy(NetworkPolicy policy) {
    return this == PUBLIC || (this == PRIVATE && policy.allowPrivateNetwork());
  }
}
