package dev.commentmoderation.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientIdentityTest {

  /** A request that answers only what the address logic asks. */
  static HttpServletRequest request(String peer, String forwarded) {
    Map<String, Object> answers = new java.util.HashMap<>();
    answers.put("getRemoteAddr", peer);
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            ClientIdentityTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (p, method, args) ->
                method.getName().equals("getHeader") ? forwarded : answers.get(method.getName()));
  }

  static ClientIdentity withTrusted(String trusted) {
    ClientIdentity identity = new ClientIdentity();
    identity.trustedProxies = Optional.ofNullable(trusted);
    return identity;
  }

  @Test
  void forwardedForIsIgnoredFromUntrustedPeers() {
    assertEquals("198.51.100.7", withTrusted(null).address(request("198.51.100.7", "203.0.113.9")));
    assertEquals(
        "198.51.100.7", withTrusted("10.0.0.5").address(request("198.51.100.7", "203.0.113.9")));
  }

  @Test
  void aTrustedProxyNamesTheNearestUntrustedHop() {
    var identity = withTrusted("10.0.0.5, 10.0.0.6");
    assertEquals("203.0.113.9", identity.address(request("10.0.0.5", "203.0.113.9")));
    assertEquals(
        "203.0.113.9", identity.address(request("10.0.0.5", "6.6.6.6, 203.0.113.9, 10.0.0.6")));
    assertEquals("10.0.0.5", identity.address(request("10.0.0.5", null)));
    assertEquals("10.0.0.5", identity.address(request("10.0.0.5", " ")));
  }
}
