package dev.commentmoderation.notification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  final Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofHours(1), 12);

  @Test
  void doublesFromTheBaseUpToTheCap() {
    assertEquals(Duration.ofSeconds(10), backoff.delay(1, 0));
    assertEquals(Duration.ofSeconds(20), backoff.delay(2, 0));
    assertEquals(Duration.ofSeconds(40), backoff.delay(3, 0));
    assertEquals(Duration.ofSeconds(2560), backoff.delay(9, 0));
    assertEquals(Duration.ofHours(1), backoff.delay(10, 0));
    assertEquals(Duration.ofHours(1), backoff.delay(11, 0));
  }

  @Test
  void neverOverflowsForLateAttempts() {
    assertEquals(Duration.ofHours(1), backoff.delay(64, 0));
    assertEquals(Duration.ofHours(1), backoff.delay(Integer.MAX_VALUE, 0));
  }

  @Test
  void jitterTakesUpToAFifthOff() {
    assertEquals(Duration.ofSeconds(8), backoff.delay(1, 0.999999).withNanos(0).plusSeconds(0));
    long jittered = backoff.delay(3, 0.5).toMillis();
    assertEquals(36_000, jittered);
    assertTrue(backoff.delay(10, 0.999).compareTo(Duration.ofMinutes(48)) >= 0);
  }

  @Test
  void retriesUntilTheLastAttempt() {
    assertTrue(backoff.retries(1));
    assertTrue(backoff.retries(11));
    assertFalse(backoff.retries(12));
    assertFalse(backoff.retries(13));
  }

  @Test
  void theLongestRetryingIsTheSumOfTheWaits() {
    // 10+20+40+80+160+320+640+1280+2560 s, then 3600 s twice
    assertEquals(Duration.ofSeconds(5110 + 7200), backoff.longestRetrying());
  }

  @Test
  void refusesNonsense() {
    assertThrows(IllegalArgumentException.class, () -> backoff.delay(0, 0));
    assertThrows(IllegalArgumentException.class, () -> backoff.delay(1, 1));
    assertThrows(
        IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 1));
  }
}
