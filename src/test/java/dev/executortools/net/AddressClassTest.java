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
    "192.0.0.170, PRIVATE",
    "192.0.2.1, PRIVATE",
    "192.88.99.1, PRIVATE",
    "198.18.0.1, PRIVATE",
    "198.19.255.254, PRIVATE",
    "198.51.100.7, PRIVATE",
    "203.0.113.9, PRIVATE",
    "240.0.0.1, PRIVATE",
    "2001:db8::1, PRIVATE",
    "3fff::1, PRIVATE",
    "100::1, PRIVATE",
    "2001::1, PRIVATE",
    "2001:2::1, PRIVATE",
    "2001:10::1, PRIVATE",
    "64:ff9b:1::1, PRIVATE",
    "5f00::1, PRIVATE",
    "::10.0.0.1, PRIVATE",
    "64:ff9b::a00:1, PRIVATE",
    "2002:a00:1::1, PRIVATE",
    "2002:c000:201::1, PRIVATE",
    "2002:a9fe:a9fe::1, LINK_LOCAL",
    "2002:808:808::1, PUBLIC",
    "64:ff9b::808:808, PUBLIC",
    "2001:1::1, PUBLIC",
    "2001:3::1, PUBLIC",
    "2001:4:112::1, PUBLIC",
    "2001:20::1, PUBLIC",
    "2001:30::1, PUBLIC",
    "2001:200::1, PUBLIC",
    "192.0.3.1, PUBLIC",
    "198.20.0.1, PUBLIC",
    "203.0.114.1, PUBLIC",
    "8.8.8.8, PUBLIC",
    "172.32.0.1, PUBLIC",
    "100.128.0.1, PUBLIC",
    "2606:4700::1111, PUBLIC",
  })
  void addressesAreClassedByTheRangeTheyFallIn(String address, AddressClass expected)
      throws Exception {
    assertThat(AddressClass.of(InetAddress.getByName(address))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "127.0.0.1, true",
    "[::1], true",
    "::1, true",
    "example.com, false",
    "2130706433, true"
  })
  void literalsAreRecognisedWithoutALookup(String host, boolean literal) {
    assertThat(AddressClass.literal(host) != null).isEqualTo(literal);
  }
}
