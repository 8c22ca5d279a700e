package dev.commentmoderation.comment.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.commentmoderation.platform.web.InvalidParameter;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ThreadOrderTest {

  @Test
  void sortKnowsThreeOrdersAndOrderTheOldTwo() {
    assertEquals(ThreadOrder.OLDEST, ThreadOrder.of(null, null));
    assertEquals(ThreadOrder.NEWEST, ThreadOrder.of("newest", null));
    assertEquals(ThreadOrder.OLDEST, ThreadOrder.of("oldest", "newest"));
    assertEquals(ThreadOrder.POPULAR, ThreadOrder.of("popular", null));
    assertEquals(ThreadOrder.NEWEST, ThreadOrder.of(null, "newest"));
  }

  @Test
  void anUnknownValueIsA400NamingItsParameter() {
    for (String[] bad :
        new String[][] {
          {"best", null, "sort"},
          {"", null, "sort"},
          {"POPULAR", null, "sort"},
          {null, "popular", "order"}
        }) {
      var e = assertThrows(InvalidParameter.class, () -> ThreadOrder.of(bad[0], bad[1]));
      assertEquals(400, e.getResponse().getStatus());
      assertEquals(bad[2], e.field());
    }
  }

  @Test
  void aRankCursorRoundTripsAndAForeignOneIsA400() {
    var at = OffsetDateTime.of(2026, 12, 7, 6, 0, 1, 123_456_000, ZoneOffset.UTC);
    var cursor = new RankCursor(42, at, 4711);
    assertEquals(cursor, RankCursor.decode("cursor", cursor.encode()));
    assertNull(RankCursor.decode("cursor", null));
    String timeCursor = new Cursor(at, 4711).encode();
    for (String bad : new String[] {timeCursor, "%%", "cDE6Mg"}) {
      var e = assertThrows(InvalidParameter.class, () -> RankCursor.decode("cursor", bad), bad);
      assertEquals("cursor", e.field());
    }
  }
}
