package dev.commentmoderation.classifier.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How the classifier can trust the caller without the secret ever crossing the wire: {@code
 * X-Comments-Signature: sha256=<hex>}, the HMAC-SHA256 with the shared secret of {@code
 * <X-Comments-Timestamp>.<raw request body>} (timestamp in Unix seconds, so that a receiver can
 * refuse replays of old requests).
 */
final class RequestSignature {

  static final String SIGNATURE_HEADER = "X-Comments-Signature";
  static final String TIMESTAMP_HEADER = "X-Comments-Timestamp";

  private RequestSignature() {}

  static String sign(String secret, long epochSeconds, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((epochSeconds + ".").getBytes(StandardCharsets.US_ASCII));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
