package dev.executortools.net;

import java.util.Locale;
import java.util.Set;

/**
 * What a host name says about where it leads, before any lookup: the names of cloud metadata
 * services ({@code metadata.google.internal}, {@code metadata}, {@code instance-data}...) are
 * link-local, and a name that spells an IPv4 address in four decimal labels ({@code
 * 169.254.169.254.nip.io}, {@code ip-10-0-0-1.ec2.internal}) is of that address's class.
 */
final class HostNames {
  private static final Set<String> METADATA =
      Set.of(
          "metadata",
          "metadata.google.internal",
          "metadata.goog", // Google Cloud
          "instance-data",
          "instance-data.ec2.internal"); // AWS

  private HostNames() {}

  /**
   * The class {@code host} shows by its name (the most restricted, last in {@link AddressClass}'s
   * order, when it shows several); null when it shows none.
   */
  static AddressClass classOf(String host) {
    String name = host.toLowerCase(Locale.ROOT);
    if (name.endsWith(".")) name = name.substring(0, name.length() - 1);
    if (METADATA.contains(name)) return AddressClass.LINK_LOCAL;
    String[] labels = name.split("[.-]");
    AddressClass worst = null;
    for (int i = 0; i + 4 <= labels.length; i++) {
      byte[] quad = quad(labels, i);
      if (quad == null) continue;
      AddressClass kind = AddressClass.of(AddressClass.address(quad));
      if (worst == null || kind.compareTo(worst) > 0) worst = kind;
    }
    return worst;
  }

  /**
   * Labels {@code from} to {@code from + 3} as the bytes of an IPv4 address; null when they are
   * not.
   */
  private static byte[] quad(String[] labels, int from) {
    byte[] quad = new byte[4];
    for (int i = 0; i < 4; i++) {
      String label = labels[from + i];
      boolean decimal = !label.isEmpty() && label.chars().allMatch(c -> c >= '0' && c <= '9');
      if (!decimal || label.length() > 3) return null;
      int value = Integer.parseInt(label);
      if (value > 255) return null;
      quad[i] = (byte) value;
    }
    return quad;
  }
}
