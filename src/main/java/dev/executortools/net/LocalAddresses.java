package dev.executortools.net;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The addresses of this machine's network interfaces, IPv4 and IPv6, all of them: a service
 * listening on the wildcard address answers on each, as on loopback. Read when first needed and
 * read again whenever an address asked about is not among them, so an address the machine gained
 * since is still recognised.
 */
final class LocalAddresses {
  /** This machine's, read from {@link NetworkInterface#getNetworkInterfaces()}. */
  static final LocalAddresses SYSTEM = new LocalAddresses(LocalAddresses::interfaceAddresses);

  private final Supplier<Set<InetAddress>> reader;
  private volatile Set<InetAddress> known;

  /** {@code reader}: the current addresses, without scope ids. */
  LocalAddresses(Supplier<Set<InetAddress>> reader) {
    this.reader = reader;
    this.known = reader.get();
  }

  /** Whether {@code address} is one of the machine's (reading the interfaces again on a miss). */
  boolean contains(InetAddress address) {
    InetAddress bare = withoutScope(address);
    if (known.contains(bare)) return true;
    known = reader.get();
    return known.contains(bare);
  }

  private static Set<InetAddress> interfaceAddresses() {
    Set<InetAddress> all = new HashSet<>();
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        add(nic, all);
      }
    } catch (SocketException e) {
      // none readable: what was read so far counts, and the ranges still apply
    }
    return Set.copyOf(all);
  }

  private static void add(NetworkInterface nic, Set<InetAddress> all) {
    for (InetAddress address : Collections.list(nic.getInetAddresses()))
      all.add(withoutScope(address));
    for (NetworkInterface sub : Collections.list(nic.getSubInterfaces())) add(sub, all);
  }

  private static InetAddress withoutScope(InetAddress address) {
    return AddressClass.address(address.getAddress());
  }
}
