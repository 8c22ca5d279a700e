package dev.commentmoderation.comment.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.commentmoderation.platform.web.InvalidParameter;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CursorTest {

  @Test
  void roundTripsAtMicrosecondPrecision() {
    var at = OffsetDateTime.of(2026, 11, 26, 15, 57, 31, 123_456_000, ZoneOffset.UTC);
    var cursor = new Cursor(at, 4711);
    assertEquals(cursor, Cursor.decode("cursor", cursor.encode()));
  }

  @Test
  void absentIsNullAndForeignIsA400() {
    assertNull(Cursor.decode("cursor", null));
    assertNull(Cursor.decode("cursor", " "));
    for (String bad : new String[] {"%%", "bm9wZQ", "MTIzOmFiYw", "!!!"}) {
      var e = assertThrows(InvalidParameter.class, () -> Cursor.decode("cursor", bad), bad);
      assertEquals("cursor", e.field());
      assertEquals(400, e.getResponse().getStatus());
    }
  }

  @Test
  void bodyHashIgnoresCaseAndWhiteSpace() {
    assertEquals(
        CommentSubmission.bodyHash("Привет,  МИР\n"), CommentSubmission.bodyHash("привет, мир"));
    org.junit.jupiter.api.Assertions.assertNotEquals(
        CommentSubmission.bodyHash("привет, мир"), CommentSubmission.bodyHash("привет мир"));
  }
}
