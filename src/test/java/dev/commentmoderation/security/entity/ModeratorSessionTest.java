package dev.commentmoderation.security.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** Idle and absolute expiry of a session, and how often its last use is written. */
class ModeratorSessionTest {

  static final OffsetDateTime T0 = OffsetDateTime.parse("2026-12-07T03:00:00Z");
  static final Duration IDLE = Duration.ofMinutes(30);

  static ModeratorSession session() {
    return new ModeratorSession("h", "p", "anna", "csrf", T0, Duration.ofHours(12), "UA", false);
  }

  @Test
  void endsWhenIdleLongerThanTheIdleTimeout() {
    var s = session();
    assertTrue(s.validAt(T0.plusMinutes(29), IDLE));
    assertFalse(s.validAt(T0.plusMinutes(30), IDLE));
  }

  @Test
  void usedSessionsLiveOnButNeverPastTheAbsoluteExpiry() {
    var s = session();
    for (int minutes = 20; minutes < 12 * 60; minutes += 20) {
      assertTrue(s.validAt(T0.plusMinutes(minutes), IDLE), () -> "in use, still valid");
      s.touch(T0.plusMinutes(minutes));
    }
    assertTrue(s.validAt(T0.plusHours(12).minusSeconds(1), IDLE));
    assertFalse(s.validAt(T0.plusHours(12), IDLE), "12 hours after sign-in, used or not");
    assertEquals(T0.plusHours(12), s.endsAt(IDLE));
  }

  @Test
  void lastUseIsWrittenAtMostOnceAMinute() {
    var s = session();
    assertFalse(s.touch(T0.plusSeconds(59)));
    assertEquals(T0, s.lastSeenAt());
    assertTrue(s.touch(T0.plusSeconds(60)));
    assertFalse(s.touch(T0.plusSeconds(100)));
    assertEquals(T0.plusSeconds(60), s.lastSeenAt());
    assertEquals(T0.plusSeconds(60).plus(IDLE), s.endsAt(IDLE));
  }
}
