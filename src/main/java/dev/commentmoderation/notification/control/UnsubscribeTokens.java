package dev.commentmoderation.notification.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * The token of a one-click unsubscribe link: the comment whose author asked for mails, and an
 * HMAC-SHA256 of it under the service's link key (made at random once, kept in the database, the
 * same for every instance). Unguessable without the key, checked in constant time, and nothing is
 * stored per link.
 */
public final class UnsubscribeTokens {

  private static final Pattern FORM = Pattern.compile("c([0-9]{1,18})\\.([A-Za-z0-9_-]{43})");

  private UnsubscribeTokens() {}

  public static String token(byte[] key, long commentId) {
    return "c" + commentId + "." + mac(key, commentId);
  }

  /** The comment a genuine token names; empty for anything else. */
  public static OptionalLong verify(byte[] key, String token) {
    if (token == null) return OptionalLong.empty();
    var m = FORM.matcher(token);
    if (!m.matches()) return OptionalLong.empty();
    long id;
    try {
      id = Long.parseLong(m.group(1));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
    byte[] expected = mac(key, id).getBytes(StandardCharsets.US_ASCII);
    byte[] given = m.group(2).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given) ? OptionalLong.of(id) : OptionalLong.empty();
  }

  private static String mac(byte[] key, long commentId) {
    String keyText = Base64.getEncoder().encodeToString(key);
    byte[] mac =
        WebhookSignature.hmac(
            keyText, ("unsubscribe:" + commentId).getBytes(StandardCharsets.UTF_8));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
  }
}
