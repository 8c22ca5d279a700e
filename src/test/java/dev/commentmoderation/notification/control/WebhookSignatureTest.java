package dev.commentmoderation.notification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  /** RFC 4231, test case 2: key "Jefe", data "what do ya want for nothing?". */
  @Test
  void isHmacSha256OfTheBodyInHex() {
    assertEquals(
        "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
        WebhookSignature.sign(
            "Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void coversTheExactBytesIncludingCyrillic() {
    byte[] body = "{\"comment\":{\"body\":\"Привет, мир\"}}".getBytes(StandardCharsets.UTF_8);
    String header = WebhookSignature.sign("s3cret-s3cret-s3cret", body);
    assertTrue(WebhookSignature.verify("s3cret-s3cret-s3cret", body, header));
    byte[] changed = "{\"comment\":{\"body\":\"Привет, мир \"}}".getBytes(StandardCharsets.UTF_8);
    assertFalse(WebhookSignature.verify("s3cret-s3cret-s3cret", changed, header));
    assertFalse(WebhookSignature.verify("another-secret-xx", body, header));
  }

  @Test
  void refusesMalformedHeaders() {
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    assertFalse(WebhookSignature.verify("k", body, null));
    assertFalse(WebhookSignature.verify("k", body, "sha1=00"));
    assertFalse(WebhookSignature.verify("k", body, "sha256=zz"));
    assertFalse(WebhookSignature.verify("k", body, "sha256="));
  }
}
