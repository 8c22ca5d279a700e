package dev.commentmoderation.security.control;

import com.bastiaanjansen.otp.HOTPGenerator;
import com.bastiaanjansen.otp.SecretGenerator;
import com.bastiaanjansen.otp.TOTPGenerator;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The arithmetic of the second factor, free of storage: TOTP secrets and codes (RFC 6238 with the
 * authenticator apps' defaults: HMAC-SHA1, 6 digits, 30 s steps, through otp-java), their {@code
 * otpauth://} URI and its QR code (zxing's matrix, drawn as SVG), and recovery codes.
 */
public final class TotpCodes {

  /** Seconds per time step. */
  public static final int PERIOD = 30;

  /** Steps accepted either side of now: a phone's clock may be a little off. */
  static final int DRIFT_STEPS = 1;

  /** Recovery codes issued at once. */
  public static final int RECOVERY_CODES = 10;

  /** 31 letters and digits without look-alikes (no 0/o, 1/l/i): 12 of them make ~59 bits. */
  private static final char[] RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();

  private static final SecureRandom RANDOM = new SecureRandom();

  private TotpCodes() {}

  /** A new 160-bit secret, base32 (RFC 4226's recommended length). */
  public static String newSecret() {
    return new String(SecretGenerator.generate(160), StandardCharsets.US_ASCII);
  }

  /**
   * The time step whose code is {@code code}, among now and {@link #DRIFT_STEPS} either side; empty
   * when none matches or the code is not six digits.
   */
  public static OptionalLong matchingStep(String secret, String code, Instant now) {
    String digits = code == null ? "" : code.replaceAll("[\\s-]", "");
    if (!digits.matches("\\d{6}")) return OptionalLong.empty();
    HOTPGenerator hotp =
        HOTPGenerator.withDefaultValues(secret.getBytes(StandardCharsets.US_ASCII));
    long step = Math.floorDiv(now.getEpochSecond(), PERIOD);
    byte[] given = digits.getBytes(StandardCharsets.US_ASCII);
    long found = -1;
    for (long s = step - DRIFT_STEPS; s <= step + DRIFT_STEPS; s++) {
      byte[] expected = hotp.generate(s).getBytes(StandardCharsets.US_ASCII);
      // every step is compared, in constant time, whatever matched before
      if (MessageDigest.isEqual(expected, given) && found < 0) found = s;
    }
    return found < 0 ? OptionalLong.empty() : OptionalLong.of(found);
  }

  /** The code of a secret at an instant (for tests and for showing what an app would show). */
  public static String codeAt(String secret, Instant at) {
    return HOTPGenerator.withDefaultValues(secret.getBytes(StandardCharsets.US_ASCII))
        .generate(Math.floorDiv(at.getEpochSecond(), PERIOD));
  }

  /** What an authenticator app scans: {@code otpauth://totp/Issuer:account?secret=…&issuer=…}. */
  public static URI otpauth(String secret, String issuer, String account) {
    try {
      return TOTPGenerator.withDefaultValues(secret.getBytes(StandardCharsets.US_ASCII))
          .getURI(issuer, account);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("no otpauth URI for " + account, e);
    }
  }

  /** The QR code of a text as a standalone SVG document, one square per dark module. */
  public static String qrSvg(String text) {
    BitMatrix matrix;
    try {
      matrix =
          new QRCodeWriter()
              .encode(
                  text,
                  BarcodeFormat.QR_CODE,
                  0,
                  0,
                  Map.of(
                      EncodeHintType.MARGIN,
                      4,
                      EncodeHintType.ERROR_CORRECTION,
                      ErrorCorrectionLevel.M,
                      EncodeHintType.CHARACTER_SET,
                      "UTF-8"));
    } catch (WriterException e) {
      throw new IllegalArgumentException("text too long for a QR code", e);
    }
    int w = matrix.getWidth();
    int h = matrix.getHeight();
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (matrix.get(x, y)) path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
      }
    }
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "
        + w
        + " "
        + h
        + "\" shape-rendering=\"crispEdges\"><rect width=\""
        + w
        + "\" height=\""
        + h
        + "\" fill=\"#fff\"/><path fill=\"#000\" d=\""
        + path
        + "\"/></svg>";
  }

  /** Fresh recovery codes, shown once, like {@code k7pq-2xmd-9rtw} (about 59 bits each). */
  public static List<String> newRecoveryCodes() {
    List<String> codes = new ArrayList<>(RECOVERY_CODES);
    for (int i = 0; i < RECOVERY_CODES; i++) {
      StringBuilder code = new StringBuilder(14);
      for (int c = 0; c < 12; c++) {
        if (c > 0 && c % 4 == 0) code.append('-');
        code.append(RECOVERY_ALPHABET[RANDOM.nextInt(RECOVERY_ALPHABET.length)]);
      }
      codes.add(code.toString());
    }
    return codes;
  }

  /** Whether a typed code has the shape of a recovery code (12 of its letters, any separators). */
  public static boolean looksLikeRecoveryCode(String code) {
    return code != null && normalRecovery(code).length() == 12;
  }

  /** The stored digest of a recovery code: SHA-256 of its letters, case and separators ignored. */
  public static String recoveryDigest(String code) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(normalRecovery(code).getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String normalRecovery(String code) {
    return code.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }
}
