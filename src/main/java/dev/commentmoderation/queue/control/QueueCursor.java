package dev.commentmoderation.queue.control;

import dev.commentmoderation.platform.web.InvalidParameter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * A keyset position in the queue: (created, id) for oldest first, (severity, created, id) for
 * severity first. Opaque to clients; a cursor of one order is refused by the other.
 */
public record QueueCursor(Integer severity, OffsetDateTime at, long id) {

  public String encode() {
    long micros = ChronoUnit.MICROS.between(Instant.EPOCH, at.toInstant());
    String plain = (severity == null ? "" : "s" + severity + ":") + micros + ":" + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
  }

  public static QueueCursor decode(String name, String value, boolean bySeverity) {
    if (value == null || value.isBlank()) return null;
    try {
      String plain =
          new String(Base64.getUrlDecoder().decode(value.strip()), StandardCharsets.US_ASCII);
      String[] parts = plain.split(":");
      Integer severity = null;
      int i = 0;
      if (parts.length == 3) {
        if (!parts[0].startsWith("s")) throw new IllegalArgumentException();
        severity = Integer.parseInt(parts[0].substring(1));
        i = 1;
      } else if (parts.length != 2) {
        throw new IllegalArgumentException();
      }
      if (bySeverity != (severity != null)) throw new IllegalArgumentException();
      Instant instant = Instant.EPOCH.plus(Long.parseLong(parts[i]), ChronoUnit.MICROS);
      return new QueueCursor(
          severity,
          OffsetDateTime.ofInstant(instant, ZoneOffset.UTC),
          Long.parseLong(parts[i + 1]));
    } catch (RuntimeException e) {
      throw new InvalidParameter(name, "param.cursor");
    }
  }
}
