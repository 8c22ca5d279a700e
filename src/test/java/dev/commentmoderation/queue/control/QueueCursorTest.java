package dev.commentmoderation.queue.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.commentmoderation.comment.entity.CommentStatus;
import dev.commentmoderation.engine.Decision;
import dev.commentmoderation.platform.web.InvalidParameter;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueueCursorTest {

  static final OffsetDateTime AT =
      OffsetDateTime.of(2026, 3, 1, 12, 0, 0, 123_456_000, ZoneOffset.UTC);

  @Test
  void roundTripsBothOrders() {
    var oldest = new QueueCursor(null, AT, 42);
    assertEquals(oldest, QueueCursor.decode("cursor", oldest.encode(), false));
    var severity = new QueueCursor(103, AT, 42);
    assertEquals(severity, QueueCursor.decode("cursor", severity.encode(), true));
    assertNull(QueueCursor.decode("cursor", " ", true));
  }

  @Test
  void refusesACursorOfTheOtherOrderOrGarbage() {
    String oldest = new QueueCursor(null, AT, 42).encode();
    String severity = new QueueCursor(103, AT, 42).encode();
    assertThrows(InvalidParameter.class, () -> QueueCursor.decode("cursor", oldest, true));
    assertThrows(InvalidParameter.class, () -> QueueCursor.decode("cursor", severity, false));
    assertThrows(InvalidParameter.class, () -> QueueCursor.decode("cursor", "!!", false));
  }

  @Test
  void ruleOutcomesEstimatePrecision() {
    List<Object[]> rows =
        List.of(
            new Object[] {"insult", "v1", Decision.HOLD, CommentStatus.APPROVED, 3L, 3L},
            new Object[] {"insult", "v1", Decision.HOLD, CommentStatus.REJECTED, 6L, 6L},
            new Object[] {"insult", "v1", Decision.HOLD, CommentStatus.PENDING, 2L, 0L},
            new Object[] {"obscene", "v1", Decision.REJECT, CommentStatus.REJECTED, 9L, 0L},
            new Object[] {"obscene", "v1", Decision.REJECT, CommentStatus.APPROVED, 1L, 1L});
    var outcomes = Stats.outcomes(rows);
    var insult = outcomes.stream().filter(o -> o.rule().equals("insult")).findFirst().orElseThrow();
    assertEquals(11, insult.held());
    assertEquals(9, insult.decided());
    assertEquals(3, insult.overturned());
    assertEquals(1 - 3.0 / 9, insult.precision(), 1e-9);
    var obscene =
        outcomes.stream().filter(o -> o.rule().equals("obscene")).findFirst().orElseThrow();
    assertEquals(10, obscene.refused());
    assertEquals(0.9, obscene.precision(), 1e-9);
  }

  @Test
  void medianOfOddAndEvenCounts() {
    assertNull(Stats.median(List.of()));
    assertEquals(5.0, Stats.median(List.of(9L, 1L, 5L)));
    assertEquals(4.0, Stats.median(List.of(1L, 3L, 5L, 100L)));
  }
}
