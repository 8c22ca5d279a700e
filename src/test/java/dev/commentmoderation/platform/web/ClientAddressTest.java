package dev.commentmoderation.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClientAddressTest {

  @ParameterizedTest
  @CsvSource({
    "2001:db8:1:2:3:4:5:6, 2001:db8:1:2:0:0:0:0/64",
    "2001:db8:1:2::ffff, 2001:db8:1:2:0:0:0:0/64",
    "[2001:DB8:1:2::1], 2001:db8:1:2:0:0:0:0/64",
    "fe80::1%eth0, fe80:0:0:0:0:0:0:0/64",
    "203.0.113.7, 203.0.113.7",
    "::ffff:203.0.113.7, 203.0.113.7",
    "not-an-address, not-an-address",
    "localhost, localhost",
  })
  void aClientIsAnIpv4AddressOrAnIpv6Slash64(String address, String client) {
    assertEquals(client, ClientAddress.clientOf(address));
  }

  @Test
  void addressesOfOneSlash64AreOneClientAndTheNextSlash64IsAnother() {
    assertEquals(
        ClientAddress.clientOf("2001:db8:aa:bb::1"),
        ClientAddress.clientOf("2001:db8:aa:bb:ffff:ffff:ffff:ffff"));
    assertNotEquals(
        ClientAddress.clientOf("2001:db8:aa:bb::1"), ClientAddress.clientOf("2001:db8:aa:bc::1"));
    assertNotEquals(ClientAddress.clientOf("203.0.113.7"), ClientAddress.clientOf("203.0.113.8"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"example.org", "1.2.3", "256.1.1.1", "1.2.3.4.5", "::g", "[::1", "", "<script>"})
  void onlyLiteralsAreAddressesAndNothingIsLookedUp(String text) {
    assertTrue(ClientAddress.literal(text).isEmpty(), text);
  }

  @Test
  void rangesMatchIpv4AndIpv6ByPrefix() {
    assertTrue(AddressRange.parse("10.0.0.0/8").contains("10.255.3.4"));
    assertFalse(AddressRange.parse("10.0.0.0/8").contains("11.0.0.1"));
    assertTrue(AddressRange.parse("192.0.2.64/26").contains("192.0.2.127"));
    assertFalse(AddressRange.parse("192.0.2.64/26").contains("192.0.2.128"));
    assertTrue(AddressRange.parse("2001:db8::/32").contains("2001:db8:ffff::1"));
    assertFalse(AddressRange.parse("2001:db8::/32").contains("2001:db9::1"));
    assertFalse(AddressRange.parse("2001:db8::/32").contains("10.0.0.1"));
    assertTrue(AddressRange.parse("0.0.0.0/0").contains("198.51.100.1"));
    assertTrue(AddressRange.parse("203.0.113.7").contains("203.0.113.7"));
    assertFalse(AddressRange.parse("203.0.113.7").contains("203.0.113.6"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.0/33", "2001:db8::/129", "10.0.0.0/x", "proxy.internal", "/8"})
  void aBadRangeIsRefused(String text) {
    assertThrows(IllegalArgumentException.class, () -> AddressRange.parse(text));
  }

  @Test
  void trustedProxiesTakeAddressesAndRangesAsBefore() {
    TrustedProxies old = TrustedProxies.parse("127.0.0.1,0:0:0:0:0:0:0:1");
    assertTrue(old.trusts("127.0.0.1"));
    assertTrue(old.trusts("::1"));
    assertFalse(old.trusts("127.0.0.2"));
    TrustedProxies ranges = TrustedProxies.parse(" 10.0.0.0/8 , 2001:db8:100::/40,192.0.2.7 ");
    assertTrue(ranges.trusts("10.1.2.3"));
    assertTrue(ranges.trusts("2001:db8:1ff::9"));
    assertFalse(ranges.trusts("2001:db8:200::9"));
    assertTrue(ranges.trusts("192.0.2.7"));
    assertFalse(ranges.trusts("garbage"));
    assertFalse(TrustedProxies.parse("").trusts("127.0.0.1"));
  }
}
