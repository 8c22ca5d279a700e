package dev.commentmoderation.comment.control;

import dev.commentmoderation.platform.web.InvalidParameter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * A keyset position (likes, time, id) in the popular order, opaque to clients. Likes change while a
 * reader pages, so a comment may move between pages; each page is still read by an index range.
 */
public record RankCursor(int likes, OffsetDateTime at, long id) {

  public String encode() {
    long micros = ChronoUnit.MICROS.between(Instant.EPOCH, at.toInstant());
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(
            ("p" + likes + ":" + micros + ":" + id).getBytes(StandardCharsets.US_ASCII));
  }

  /** Null for no cursor; a 400 for one this service did not make. */
  public static RankCursor decode(String name, String value) {
    if (value == null || value.isBlank()) return null;
    try {
      String plain =
          new String(Base64.getUrlDecoder().decode(value.strip()), StandardCharsets.US_ASCII);
      if (!plain.startsWith("p")) throw new IllegalArgumentException("not a rank cursor");
      String[] parts = plain.substring(1).split(":", -1);
      if (parts.length != 3) throw new IllegalArgumentException("not a rank cursor");
      Instant instant = Instant.EPOCH.plus(Long.parseLong(parts[1]), ChronoUnit.MICROS);
      return new RankCursor(
          Integer.parseInt(parts[0]),
          OffsetDateTime.ofInstant(instant, ZoneOffset.UTC),
          Long.parseLong(parts[2]));
    } catch (RuntimeException e) {
      throw new InvalidParameter(name, "param.cursor");
    }
  }
}
