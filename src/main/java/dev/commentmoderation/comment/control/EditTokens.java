package dev.commentmoderation.comment.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The proof of authorship an anonymous author gets once, in the {@code 201} of their submission:
 * 192 random bits, of which only the SHA-256 is stored (a token this long needs no slow hash: it
 * cannot be guessed, only stolen, and the database copy is no use to a thief).
 */
public final class EditTokens {

  /** The request header an anonymous author proves authorship with. */
  public static final String HEADER = "X-Comment-Edit-Token";

  private static final SecureRandom RANDOM = new SecureRandom();

  private EditTokens() {}

  /** A token as handed out, and the hash that is stored. */
  public record Issued(String token, String hash) {}

  public static Issued issue() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    return new Issued(token, hash(token));
  }

  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether the presented token is the one whose hash is stored; compared in constant time. */
  public static boolean matches(String storedHash, String presented) {
    if (storedHash == null || presented == null || presented.isBlank() || presented.length() > 100)
      return false;
    return MessageDigest.isEqual(
        storedHash.getBytes(StandardCharsets.US_ASCII),
        hash(presented.strip()).getBytes(StandardCharsets.US_ASCII));
  }
}
