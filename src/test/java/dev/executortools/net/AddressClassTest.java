package dev.executortools.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressClassTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "169.254.169.254, LINK_LOCAL",
    "169.254.0.1, LINK_LOCAL",
    "100.100.100.200, LINK_LOCAL",
    "fe80::1, LINK_LOCAL",
    "fd00:ec2::254, LINK_LOCAL",
    "::ffff:169.254.169.254, LINK_LOCAL",
    "64:ff9b::a9fe:a9fe, LINK_LOCAL",
    "127.0.0.1, PRIVATE",
    "127.0.0.2, PRIVATE",
    "0.0.0.0, PRIVATE",
    "10.1.2.3, PRIVATE",
    "172.16.0.1, PRIVATE",
    "172.31.255.255, PRIVATE",
    "192.168.1.1, PRIVATE",
    "100.64.0.1, PRIVATE",
    "224.0.0.1, PRIVATE",
    "255.255.255.255, PRIVATE",
    "::1, PRIVATE",
    "::, PRIVATE",
    "fc00::1, PRIVATE",
    "fd12:3456::1, PRIVATE",
    "::ffff:10.0.0.1, PRIVATE",
    "ff02::1, PRIVATE",
    "8.8.8.8, PUBLIC",
    "172.32.0.1, PUBLIC",
    "100.128.0.1, PUBLIC",
    "2606:4700::1111, PUBLIC",
  })
  void addressesAreClassedByTheRangeTheyFallIn(String address, AddressClass expected) throws Exception {
    assertThat(AddressClass.of(InetAddress.getByName(address))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"127.0.0.1, true", "[::1], true", "::1, true", "example.com, false", "2130706433, true"})
  void literalsAreRecognisedWithoutALookup(String host, boolean literal) {
    assertThat(AddressClass.literal(host) != null).isEqualTo(literal);
  }
}
