package dev.commentmoderation.notification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TargetAddressesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0.0.0.0",
        "0.1.2.3",
        "10.0.0.1",
        "10.255.255.255",
        "100.64.0.1",
        "100.127.255.254",
        "127.0.0.1",
        "127.1.2.3",
        "169.254.169.254",
        "172.16.0.1",
        "172.31.255.255",
        "192.0.0.8",
        "192.0.2.1",
        "192.168.1.1",
        "198.18.0.1",
        "198.19.255.255",
        "198.51.100.7",
        "203.0.113.9",
        "224.0.0.1",
        "239.255.255.250",
        "240.0.0.1",
        "255.255.255.255",
        "::",
        "::1",
        "fe80::1",
        "febf::1",
        "fec0::1",
        "fc00::1",
        "fd12:3456:789a::1",
        "ff02::1",
        "::ffff:127.0.0.1",
        "::ffff:10.1.2.3",
        "::ffff:169.254.169.254",
        "::127.0.0.1",
        "64:ff9b::a00:1",
        "2002:a00:1::1",
        "2001:db8::1",
        "100::1"
      })
  void refusesInternalAndSpecialAddresses(String address) throws Exception {
    assertFalse(TargetAddresses.isPublic(InetAddress.getByName(address)), address);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1.1.1.1",
        "8.8.8.8",
        "100.63.255.255",
        "100.128.0.1",
        "172.15.255.255",
        "172.32.0.1",
        "192.169.0.1",
        "93.184.216.34",
        "212.42.96.1",
        "2a00:1450:4001:80b::200e",
        "2606:4700:4700::1111",
        "::ffff:8.8.8.8",
        "64:ff9b::808:808",
        "2002:808:808::1"
      })
  void acceptsPublicAddresses(String address) throws Exception {
    assertTrue(TargetAddresses.isPublic(InetAddress.getByName(address)), address);
  }

  @Test
  void refusesALoopbackNameUnlessPrivateTargetsAreAllowed() throws Exception {
    URI uri = TargetAddresses.parse("http://localhost:8080/hook");
    var refused =
        assertThrows(TargetAddresses.Refused.class, () -> TargetAddresses.resolve(uri, false));
    assertEquals("webhook.url.private", refused.messageKey());
    assertTrue(TargetAddresses.resolve(uri, true).address().isLoopbackAddress());
  }

  @Test
  void refusesAddressLiteralsInTheUrl() {
    for (String url :
        new String[] {
          "http://127.0.0.1/", "http://[::1]/", "http://[::ffff:7f00:1]/", "https://10.0.0.5:8443/x"
        }) {
      var refused =
          assertThrows(
              TargetAddresses.Refused.class,
              () -> TargetAddresses.resolve(TargetAddresses.parse(url), false),
              url);
      assertEquals("webhook.url.private", refused.messageKey(), url);
    }
  }

  @Test
  void takesOnlyHttpAndHttpsWithAHostAndNoUserInfo() {
    for (String url :
        new String[] {
          "ftp://example.com/",
          "file:///etc/passwd",
          "gopher://example.com/",
          "http:///nohost",
          "https://user:pw@example.com/",
          "javascript:alert(1)",
          "http://exa mple.com/",
          "https://example.com/#frag"
        }) {
      var refused =
          assertThrows(TargetAddresses.Refused.class, () -> TargetAddresses.parse(url), url);
      assertEquals("webhook.url.invalid", refused.messageKey(), url);
    }
  }
}
