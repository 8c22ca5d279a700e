package dev.commentmoderation.challenge.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Challenges and their solutions, without any container: a challenge is {@code v1.<id>.<expires
 * epoch seconds>.<difficulty>.<HMAC-SHA-256 of the rest>}, so any instance that knows the key
 * checks it without storing it; a solution is a decimal nonce such that SHA-256({@code challenge +
 * ":" + nonce}) starts with {@code difficulty} zero bits.
 */
public final class ProofOfWork {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  /** At most this much work is asked for (2^28 hashes would take a phone minutes). */
  public static final int MAX_DIFFICULTY = 28;

  private final byte[] key;

  public ProofOfWork(byte[] key) {
    this.key = key.clone();
  }

  /** A challenge as issued. */
  public record Challenge(String id, String token, Instant expiresAt, int difficulty) {}

  /** What became of a presented solution. */
  public enum Outcome {
    MISSING,
    WRONG,
    EXPIRED,
    SOLVED
  }

  /** The outcome and, when it is signed by us, the challenge's id and expiry (for reuse checks). */
  public record Check(Outcome outcome, String id, Instant expiresAt) {}

  public Challenge issue(Instant now, long ttlSeconds, int difficulty) {
    byte[] random = new byte[16];
    RANDOM.nextBytes(random);
    String id = B64.encodeToString(random);
    Instant expires = now.plusSeconds(ttlSeconds);
    String unsigned = "v1." + id + "." + expires.getEpochSecond() + "." + difficulty;
    return new Challenge(id, unsigned + "." + sign(unsigned), expires, difficulty);
  }

  /** Checks a presented challenge and nonce; {@code minDifficulty} is what is asked for now. */
  public Check check(String token, String nonce, Instant now, int minDifficulty) {
    if (token == null || token.isBlank() || nonce == null || nonce.isBlank())
      return new Check(Outcome.MISSING, null, null);
    String[] parts = token.strip().split("\\.", -1);
    if (token.length() > 200 || parts.length != 5 || !parts[0].equals("v1"))
      return new Check(Outcome.WRONG, null, null);
    String unsigned = String.join(".", parts[0], parts[1], parts[2], parts[3]);
    if (!MessageDigest.isEqual(
        sign(unsigned).getBytes(StandardCharsets.US_ASCII),
        parts[4].getBytes(StandardCharsets.US_ASCII))) return new Check(Outcome.WRONG, null, null);
    Instant expires;
    int difficulty;
    try {
      expires = Instant.ofEpochSecond(Long.parseLong(parts[2]));
      difficulty = Integer.parseInt(parts[3]);
    } catch (NumberFormatException e) {
      return new Check(Outcome.WRONG, null, null);
    }
    if (!now.isBefore(expires)) return new Check(Outcome.EXPIRED, parts[1], expires);
    if (difficulty < minDifficulty || !nonce.strip().matches("[0-9]{1,20}"))
      return new Check(Outcome.WRONG, parts[1], expires);
    if (!solved(token.strip(), nonce.strip(), difficulty))
      return new Check(Outcome.WRONG, parts[1], expires);
    return new Check(Outcome.SOLVED, parts[1], expires);
  }

  /** Whether SHA-256 of {@code challenge:nonce} starts with {@code difficulty} zero bits. */
  public static boolean solved(String challenge, String nonce, int difficulty) {
    return leadingZeroBits(sha256(challenge + ":" + nonce)) >= difficulty;
  }

  /** The first nonce that solves the challenge (what the widget does, for tests and tools). */
  public static String solve(String challenge, int difficulty) {
    for (long n = 0; ; n++) {
      if (solved(challenge, Long.toString(n), difficulty)) return Long.toString(n);
    }
  }

  static int leadingZeroBits(byte[] hash) {
    int bits = 0;
    for (byte b : hash) {
      if (b == 0) {
        bits += 8;
        continue;
      }
      return bits + Integer.numberOfLeadingZeros(b & 0xff) - 24;
    }
    return bits;
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private String sign(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return B64.encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
