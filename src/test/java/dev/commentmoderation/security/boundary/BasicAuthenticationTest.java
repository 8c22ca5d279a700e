package dev.commentmoderation.security.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BasicAuthenticationTest {

  static String basic(String s) {
    return "Basic " + Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void parsesUtf8CredentialsWithColonsInThePassword() {
    var c = BasicAuthentication.credential(basic("модератор:pa:ss"));
    assertEquals("модератор", c.getCaller());
    assertEquals("pa:ss", c.getPasswordAsString());
    assertEquals(
        "admin",
        BasicAuthentication.credential("basic " + basic("admin:x").substring(6)).getCaller());
  }

  @Test
  void ignoresWhatIsNotBasicCredentials() {
    assertNull(BasicAuthentication.credential(null));
    assertNull(BasicAuthentication.credential("Bearer abc"));
    assertNull(BasicAuthentication.credential("Basic"));
    assertNull(BasicAuthentication.credential("Basic !!!not-base64"));
    assertNull(BasicAuthentication.credential(basic("no-colon")));
    assertNull(BasicAuthentication.credential(basic(":empty-user")));
  }
}
