package dev.commentmoderation.notification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class UnsubscribeTokensTest {

  final byte[] key =
      "0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  @Test
  void aTokenNamesItsCommentUnderTheKey() {
    String token = UnsubscribeTokens.token(key, 4711);
    assertEquals(OptionalLong.of(4711), UnsubscribeTokens.verify(key, token));
    assertTrue(token.matches("c4711\\.[A-Za-z0-9_-]{43}"), token);
  }

  @Test
  void aTokenForgedForAnotherCommentOrKeyIsRefused() {
    String token = UnsubscribeTokens.token(key, 4711);
    String otherComment = "c4712" + token.substring(token.indexOf('.'));
    assertTrue(UnsubscribeTokens.verify(key, otherComment).isEmpty());
    byte[] otherKey = key.clone();
    otherKey[0] ^= 1;
    assertTrue(UnsubscribeTokens.verify(otherKey, token).isEmpty());
  }

  @Test
  void malformedTokensAreRefused() {
    for (String t :
        new String[] {
          null, "", "c1", "c1.", "x1.abc", "c1." + "A".repeat(42), "c-1." + "A".repeat(43)
        }) {
      assertTrue(UnsubscribeTokens.verify(key, t).isEmpty(), String.valueOf(t));
    }
  }
}
