package dev.commentmoderation.comment.control;

import dev.commentmoderation.platform.web.InvalidParameter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * A keyset position (time, id) in an ordered list of comments, opaque to clients. Keyset paging
 * stays correct while rows are added or decided, and costs the same on page one and page 1,000.
 */
public record Cursor(OffsetDateTime at, long id) {

  public String encode() {
    long micros = ChronoUnit.MICROS.between(Instant.EPOCH, at.toInstant());
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((micros + ":" + id).getBytes(StandardCharsets.US_ASCII));
  }

  /** Null for no cursor; a 400 for one this service did not make. */
  public static Cursor decode(String name, String value) {
    if (value == null || value.isBlank()) return null;
    try {
      String plain =
          new String(Base64.getUrlDecoder().decode(value.strip()), StandardCharsets.US_ASCII);
      int colon = plain.indexOf(':');
      long micros = Long.parseLong(plain.substring(0, colon));
      long id = Long.parseLong(plain.substring(colon + 1));
      Instant instant = Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
      return new Cursor(OffsetDateTime.ofInstant(instant, ZoneOffset.UTC), id);
    } catch (RuntimeException e) {
      throw new InvalidParameter(name, "param.cursor");
    }
  }
}
