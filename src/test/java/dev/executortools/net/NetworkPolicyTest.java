package dev.executortools.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Dns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The policy's rules beyond address ranges: the machine's own addresses, and hosts a proxy would
 * resolve. Nothing here connects anywhere; the resolver is a map.
 */
class NetworkPolicyTest {
  private static final InetAddress PUBLIC = address("8.8.4.4");

  private static InetAddress address(String literal) {
    return AddressClass.literal(literal);
  }

  @Test
  void anAddressOfThisMachineIsRefusedLikeLoopbackEvenInAPublicRange() {
    LocalAddresses own = new LocalAddresses(() -> Set.of(PUBLIC));

    assertThatThrownBy(() -> NetworkPolicy.PUBLIC_ONLY.check("me.example", PUBLIC, own))
        .isInstanceOf(BlockedAddressException.class)
        .hasMessageContaining("me.example (8.8.4.4) is an address of this machine")
        .hasMessageContaining("--allow-private-network");
    assertThatThrownBy(
            () -> NetworkPolicy.PUBLIC_ONLY.check(null, address("64:ff9b::808:404"), own))
        .as("the same address through NAT64")
        .isInstanceOf(BlockedAddressException.class);
    assertThatCode(() -> NetworkPolicy.PRIVATE_ALLOWED.check("me.example", PUBLIC, own))
        .doesNotThrowAnyException();
    assertThatCode(() -> NetworkPolicy.PUBLIC_ONLY.check(null, address("8.8.8.8"), own))
        .doesNotThrowAnyException();
  }

  @Test
  void anAddressTheMachineGainedLaterIsRecognisedWithoutANewPolicy() {
    AtomicReference<Set<InetAddress>> interfaces = new AtomicReference<>(Set.of());
    LocalAddresses own = new LocalAddresses(interfaces::get);
    assertThatCode(() -> NetworkPolicy.PUBLIC_ONLY.check(null, PUBLIC, own))
        .doesNotThrowAnyException();

    interfaces.set(Set.of(PUBLIC));
    assertThatThrownBy(() -> NetworkPolicy.PUBLIC_ONLY.check(null, PUBLIC, own))
        .isInstanceOf(BlockedAddressException.class);
  }

  @Test
  void theMachinesRealInterfacesAreRead() throws Exception {
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    assertThat(LocalAddresses.SYSTEM.contains(loopback)).isTrue();
    assertThat(LocalAddresses.SYSTEM.contains(PUBLIC)).isFalse();
  }

  private static final Dns MAP =
      host ->
          switch (host) {
            case "api.example.test" -> List.of(PUBLIC);
            case "intranet.example.test" -> List.of(address("10.0.0.5"));
            case "split.example.test" -> List.of(PUBLIC, address("127.0.0.1"));
            case "metadata.google.internal", "metadata" ->
                throw new AssertionError("looked up " + host);
            default -> throw new UnknownHostException(host);
          };

  @Test
  void aProxiedHostIsJudgedByEveryAddressItResolvesTo() {
    assertThatCode(() -> NetworkPolicy.PUBLIC_ONLY.checkProxied("api.example.test", MAP))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> NetworkPolicy.PUBLIC_ONLY.checkProxied("intranet.example.test", MAP))
        .isInstanceOf(BlockedAddressException.class)
        .hasMessageContaining("10.0.0.5");
    assertThatThrownBy(() -> NetworkPolicy.PUBLIC_ONLY.checkProxied("split.example.test", MAP))
        .as("the proxy may pick either address")
        .isInstanceOf(BlockedAddressException.class);
    assertThatCode(() -> NetworkPolicy.PRIVATE_ALLOWED.checkProxied("split.example.test", MAP))
        .doesNotThrowAnyException();
  }

  @Test
  void aProxiedHostThatDoesNotResolveHereIsRefusedUnlessPrivateAddressesAreAllowed() {
    assertThatThrownBy(() -> NetworkPolicy.PUBLIC_ONLY.checkProxied("no-such-host.invalid", MAP))
        .isInstanceOf(BlockedAddressException.class)
        .hasMessageContaining("no-such-host.invalid does not resolve here");
    assertThatCode(() -> NetworkPolicy.PRIVATE_ALLOWED.checkProxied("no-such-host.invalid", MAP))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "metadata.google.internal",
        "METADATA.google.internal.",
        "metadata",
        "instance-data",
        "169.254.169.254.nip.io",
        "x.169-254-169-254.sslip.io",
        "[fd00:ec2::254]"
      })
  void cloudMetadataNamesAreRefusedByNameEvenWhenPrivateAddressesAreAllowed(String host) {
    assertThatThrownBy(() -> NetworkPolicy.PRIVATE_ALLOWED.checkProxied(host, MAP))
        .isInstanceOf(BlockedAddressException.class)
        .hasMessageContaining("link-local or cloud-metadata");
  }

  @Test
  void aNameSpellingAPrivateAddressIsOfThatAddressesClass() {
    assertThat(HostNames.classOf("ip-10-0-0-1.ec2.internal")).isEqualTo(AddressClass.PRIVATE);
    assertThat(HostNames.classOf("ec2-54-1-2-3.compute.amazonaws.com"))
        .isEqualTo(AddressClass.PUBLIC);
    assertThat(HostNames.classOf("v1.2.3.example.com")).isNull();
    assertThat(HostNames.classOf("1.2.10.0.0.1.nip.io")).isEqualTo(AddressClass.PRIVATE);
  }
}
