package dev.commentmoderation.data.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The duplicate rule's hash of a body, as the submission path computes it (same text up to case and
 * white space), so that imported comments take part in duplicate detection like any other.
 */
final class BodyHash {

  private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

  private BodyHash() {}

  static String of(String body) {
    String canonical = WHITE_SPACE.matcher(body.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
