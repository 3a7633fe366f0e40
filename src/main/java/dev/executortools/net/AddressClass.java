package dev.executortools.net;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * What an IP address reaches, by the range it falls in. {@link #LINK_LOCAL} (169.254.0.0/16,
 * fe80::/10, and the cloud metadata addresses fd00:ec2::254 and 100.100.100.200) is never reached
 * through a model's choice; {@link #PRIVATE} only when the user allows it: loopback, RFC 1918,
 * carrier-grade NAT, unique local, multicast, and every range that the IANA special-purpose address
 * registries (RFC 6890: "IANA IPv4 Special-Purpose Address Registry", "IANA IPv6 Special-Purpose
 * Address Registry") mark as not globally reachable. IPv6 outside 2000::/3, the only global unicast
 * space of the IANA IPv6 address space registry, is private too. IPv4 addresses embedded in IPv6
 * (mapped, compatible, NAT64 64:ff9b::/96, 6to4 2002::/16) are judged as the IPv4 address they
 * carry. The machine's own addresses are judged by {@link NetworkPolicy}.
 */
public enum AddressClass {
  PUBLIC,
  PRIVATE,
  LINK_LOCAL;

  private static final byte[] AWS_METADATA_V6 = {
    (byte) 0xfd, 0x00, 0x0e, (byte) 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54
  };

  /**
   * IPv4 ranges of the special-purpose registry that are not globally reachable, beyond loopback,
   * 0/8, RFC 1918, 100.64/10 and 224/3 (checked on their own).
   */
  private static final List<Range> SPECIAL_V4 =
      Range.all(
          "192.0.0.0/24", // IETF protocol assignments (RFC 6890; its two anycast /32s included)
          "192.0.2.0/24", // TEST-NET-1, documentation (RFC 5737)
          "192.88.99.0/24", // deprecated 6to4 relay anycast (RFC 7526)
          "198.18.0.0/15", // benchmarking (RFC 2544)
          "198.51.100.0/24", // TEST-NET-2 (RFC 5737)
          "203.0.113.0/24"); // TEST-NET-3 (RFC 5737)

  private static final Range IETF_PROTOCOL_V6 = Range.of("2001::/23");

  /** Inside 2001::/23 (IETF protocol assignments, not global), the parts that are global. */
  private static final List<Range> GLOBAL_IN_2001_23 =
      Range.all(
          "2001:1::1/128", // PCP anycast (RFC 7723)
          "2001:1::2/128", // TURN anycast (RFC 8155)
          "2001:1::3/128", // DNS-SD SRP anycast (RFC 9665)
          "2001:3::/32", // AMT (RFC 7450)
          "2001:4:112::/48", // AS112-v6 (RFC 7535)
          "2001:20::/28", // ORCHIDv2 (RFC 7343)
          "2001:30::/28"); // drone remote ID (RFC 9374)

  /** IPv6 ranges inside 2000::/3 that are not globally reachable, beyond 2001::/23. */
  private static final List<Range> SPECIAL_V6 =
      Range.all(
          "2001:db8::/32", // documentation (RFC 3849)
          "3fff::/20"); // documentation (RFC 9637)

  public static AddressClass of(InetAddress address) {
    if (address instanceof Inet4Address v4) return ofIpv4(v4.getAddress());
    byte[] b = address.getAddress();
    byte[] embedded = embeddedIpv4(b);
    if (embedded != null) return ofIpv4(embedded);
    if (Arrays.equals(b, AWS_METADATA_V6)) return LINK_LOCAL;
    int first = b[0] & 0xff;
    if (first == 0xfe && (b[1] & 0xc0) == 0x80) return LINK_LOCAL; // fe80::/10
    // outside 2000::/3: loopback, unspecified, 100::/64 discard, 64:ff9b:1::/48 local NAT64,
    // fc00::/7 unique local, fec0::/10, ff00::/8 multicast, and unassigned space
    if ((first & 0xe0) != 0x20) return PRIVATE;
    if (IETF_PROTOCOL_V6.contains(b) && !Range.anyContains(GLOBAL_IN_2001_23, b)) {
      return PRIVATE; // Teredo 2001::/32 and benchmarking 2001:2::/48 included
    }
    if (Range.anyContains(SPECIAL_V6, b)) return PRIVATE;
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
    if (a0 >= 224) return PRIVATE; // multicast, 240/4 reserved, 255.255.255.255 broadcast
    return Range.anyContains(SPECIAL_V4, b) ? PRIVATE : PUBLIC;
  }

  /**
   * The IPv4 address inside ::ffff:a.b.c.d, ::a.b.c.d, 64:ff9b::a.b.c.d or 2002:aabb:ccdd::; else
   * null.
   */
  static byte[] embeddedIpv4(byte[] b) {
    if (b.length == 4) return null;
    boolean zeros = true;
    for (int i = 0; i < 10; i++) zeros &= b[i] == 0;
    boolean mapped = zeros && b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    boolean compatible =
        zeros && b[10] == 0 && b[11] == 0 && !(b[12] == 0 && b[13] == 0 && b[14] == 0);
    boolean nat64 = b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b;
    for (int i = 4; nat64 && i < 12; i++) nat64 = b[i] == 0;
    if (b[0] == 0x20 && b[1] == 0x02) return Arrays.copyOfRange(b, 2, 6); // 6to4
    return mapped || compatible || nat64 ? Arrays.copyOfRange(b, 12, 16) : null;
  }

  /** An address range: the first address's bytes and the prefix length. */
  private record Range(byte[] start, int bits) {
    static Range of(String cidr) {
      int slash = cidr.indexOf('/');
      return new Range(
          literal(cidr.substring(0, slash)).getAddress(),
          Integer.parseInt(cidr.substring(slash + 1)));
    }

    static List<Range> all(String... cidrs) {
      return Arrays.stream(cidrs).map(Range::of).toList();
    }

    static boolean anyContains(List<Range> ranges, byte[] address) {
      return ranges.stream().anyMatch(range -> range.contains(address));
    }

    boolean contains(byte[] address) {
      if (address.length != start.length) return false;
      for (int i = 0; i < bits; i++) {
        int mask = 0x80 >>> (i % 8);
        if ((address[i / 8] & mask) != (start[i / 8] & mask)) return false;
      }
      return true;
    }
  }

  /** The address of 4 or 16 bytes (IPv4-mapped ones become IPv4), without a scope. */
  static InetAddress address(byte[] bytes) {
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("an IP address has 4 or 16 bytes, not " + bytes.length, e);
    }
  }

  /** The address of an IP literal host ({@code 10.0.0.1}, {@code ::1}); null for a name. */
  static InetAddress literal(String host) {
    String h =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
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
