package dev.commentmoderation.platform.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.commentmoderation.platform.resilience.CircuitBreaker.State;
import dev.commentmoderation.platform.resilience.CircuitBreaker.Transition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

  /** A clock the test moves by hand. */
  static final class StepClock extends Clock {
    Instant now = Instant.parse("2026-12-07T03:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final StepClock clock = new StepClock();
  private final List<Transition> changes = new ArrayList<>();
  private final CircuitBreaker breaker =
      new CircuitBreaker(clock, 3, Duration.ofSeconds(10), Duration.ofSeconds(30), changes::add);

  private void fail(int times) {
    for (int i = 0; i < times; i++) {
      assertTrue(breaker.tryAcquire());
      breaker.failed();
    }
  }

  @Test
  void closedLetsEveryCallThrough() {
    for (int i = 0; i < 100; i++) {
      assertTrue(breaker.tryAcquire());
      breaker.succeeded();
    }
    assertEquals(State.CLOSED, breaker.state());
    assertTrue(changes.isEmpty());
  }

  @Test
  void opensAfterTheFailuresWithinTheWindow() {
    fail(2);
    assertEquals(State.CLOSED, breaker.state());
    fail(1);
    assertEquals(State.OPEN, breaker.state());
    assertEquals(List.of(new Transition(State.CLOSED, State.OPEN, 3)), changes);
    assertFalse(breaker.tryAcquire(), "open: no call");
  }

  @Test
  void aSuccessBetweenFailuresStartsTheCountAgain() {
    fail(2);
    assertTrue(breaker.tryAcquire());
    breaker.succeeded();
    fail(2);
    assertEquals(State.CLOSED, breaker.state());
    fail(1);
    assertEquals(State.OPEN, breaker.state());
  }

  @Test
  void failuresOlderThanTheWindowAreForgotten() {
    fail(2);
    clock.advance(Duration.ofSeconds(11));
    fail(2);
    assertEquals(State.CLOSED, breaker.state(), "the first two fell out of the window");
    clock.advance(Duration.ofSeconds(9));
    fail(1);
    assertEquals(State.OPEN, breaker.state(), "three within ten seconds");
  }

  @Test
  void staysOpenForTheCoolDownThenLetsOneTrialThrough() {
    fail(3);
    clock.advance(Duration.ofSeconds(29));
    assertFalse(breaker.tryAcquire());
    clock.advance(Duration.ofSeconds(1));
    assertTrue(breaker.tryAcquire(), "cool-down over: one trial");
    assertEquals(State.HALF_OPEN, breaker.state());
    assertFalse(breaker.tryAcquire(), "only one trial at a time");
    assertFalse(breaker.tryAcquire());
  }

  @Test
  void aSuccessfulTrialCloses() {
    fail(3);
    clock.advance(Duration.ofSeconds(30));
    assertTrue(breaker.tryAcquire());
    breaker.succeeded();
    assertEquals(State.CLOSED, breaker.state());
    assertEquals(
        List.of(
            new Transition(State.CLOSED, State.OPEN, 3),
            new Transition(State.OPEN, State.HALF_OPEN, 0),
            new Transition(State.HALF_OPEN, State.CLOSED, 0)),
        changes);
    fail(2);
    assertEquals(State.CLOSED, breaker.state(), "closed again with a fresh count");
  }

  @Test
  void aFailedTrialOpensForAnotherCoolDown() {
    fail(3);
    clock.advance(Duration.ofSeconds(30));
    assertTrue(breaker.tryAcquire());
    breaker.failed();
    assertEquals(State.OPEN, breaker.state());
    clock.advance(Duration.ofSeconds(29));
    assertFalse(breaker.tryAcquire(), "the cool-down starts at the failed trial");
    clock.advance(Duration.ofSeconds(1));
    assertTrue(breaker.tryAcquire());
    assertEquals(State.HALF_OPEN, breaker.state());
  }

  @Test
  void eachChangeIsAnnouncedOnceNotPerCall() {
    fail(3);
    for (int i = 0; i < 50; i++) assertFalse(breaker.tryAcquire());
    clock.advance(Duration.ofSeconds(30));
    assertTrue(breaker.tryAcquire());
    for (int i = 0; i < 50; i++) assertFalse(breaker.tryAcquire());
    assertEquals(2, changes.size(), changes::toString);
  }

  @Test
  void lateReportsWhileOpenChangeNothing() {
    assertTrue(breaker.tryAcquire()); // a call let through while closed, reporting late
    fail(3);
    breaker.failed();
    breaker.succeeded();
    assertEquals(State.OPEN, breaker.state());
    assertFalse(breaker.tryAcquire());
    assertEquals(1, changes.size());
  }

  @Test
  void refusesNonsense() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new CircuitBreaker(clock, 0, Duration.ZERO, Duration.ZERO, t -> {}));
  }
}
