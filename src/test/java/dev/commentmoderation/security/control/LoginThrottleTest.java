package dev.commentmoderation.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The throttle's rules on a clock the test moves by hand. */
class LoginThrottleTest {

  static final class MovableClock extends Clock {
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

  final MovableClock clock = new MovableClock();

  /**
   * 3 free per (account, client), 6 per client, lockout 1 s doubling to 60 s, forget after 15 min.
   */
  final LoginThrottle throttle =
      new LoginThrottle(
          3, 6, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(15), clock);

  private LoginThrottle.Crossed fail(String user, String client) {
    var a = throttle.reserve(user, client);
    assertFalse(a.blocked(), () -> user + " from " + client + " is not locked");
    return throttle.failed(a.reservation());
  }

  @Test
  void freeFailuresThenALockoutThatDoublesUpToTheCap() {
    for (int i = 0; i < 3; i++) assertFalse(fail("admin", "c1").any());
    var crossed = fail("admin", "c1");
    assertTrue(crossed.accountClient(), "the fourth failure starts the burst");
    var blocked = throttle.reserve("admin", "c1");
    assertTrue(blocked.blocked());
    assertEquals(Duration.ofSeconds(1), blocked.retryAfter());

    List<Long> locks = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      var a = throttle.reserve("admin", "c1");
      while (a.blocked()) {
        clock.advance(a.retryAfter());
        a = throttle.reserve("admin", "c1");
      }
      assertFalse(throttle.failed(a.reservation()).accountClient(), "one audit entry per burst");
      locks.add(throttle.reserve("admin", "c1").retryAfter().toSeconds());
    }
    assertEquals(List.of(2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L, 60L), locks);
  }

  @Test
  void failuresElsewhereNeverRefuseAnotherClient() {
    for (int i = 0; i < 50; i++) {
      var a = throttle.reserve("admin", "attacker");
      if (!a.blocked()) throttle.failed(a.reservation());
    }
    for (int c = 0; c < 20; c++) {
      var a = throttle.reserve("admin", "spread-" + c);
      if (!a.blocked()) throttle.failed(a.reservation());
    }
    assertTrue(throttle.reserve("admin", "attacker").blocked());
    assertFalse(throttle.hasFailures("owner"), "so the owner may wait for a hashing slot");
    var owner = throttle.reserve("admin", "owner");
    assertFalse(owner.blocked(), "the owner's own client has no failures");
    assertFalse(throttle.knownGood("admin", "owner"));
    throttle.succeeded(owner.reservation());
    assertFalse(throttle.hasFailures("owner"), "a success leaves nothing on record");
    assertTrue(throttle.knownGood("admin", "owner"), "the owner's machine is known from now on");
    assertFalse(throttle.knownGood("admin", "attacker"));
    assertFalse(throttle.knownGood("anna", "owner"), "for this account only");
  }

  @Test
  void aClientGuessingManyUsernamesIsLockedAsAClient() {
    for (int i = 0; i < 6; i++) fail("user" + i, "c2");
    var crossed = fail("user6", "c2");
    assertTrue(crossed.client(), "the client crossed its own threshold");
    assertFalse(crossed.accountClient());
    assertTrue(throttle.reserve("user7", "c2").blocked());
    assertTrue(throttle.hasFailures("c2"));
  }

  @Test
  void parallelReservationsCannotAllPassACheckMadeBeforeAnyFailed() {
    // five attempts reserved before any of them finished hashing: the fifth is refused
    int reserved = 0;
    for (int i = 0; i < 5; i++) {
      if (!throttle.reserve("admin", "c3").blocked()) reserved++;
    }
    assertEquals(4, reserved, "3 free plus the one that starts the lockout");
  }

  @Test
  void aRightPasswordRefundsItsReservation() {
    fail("admin", "c4");
    fail("admin", "c4");
    var right = throttle.reserve("admin", "c4");
    throttle.succeeded(right.reservation());
    for (int i = 0; i < 3; i++) assertFalse(fail("admin", "c4").accountClient());
    assertTrue(fail("admin", "c4").accountClient(), "the count started again after the success");
  }

  @Test
  void aCancelledAttemptCountsNothing() {
    for (int i = 0; i < 3; i++) {
      throttle.cancel(throttle.reserve("admin", "c5").reservation());
    }
    assertFalse(throttle.hasFailures("c5"));
  }

  @Test
  void failuresAreForgottenAfterAQuietWindow() {
    for (int i = 0; i < 3; i++) fail("admin", "c6");
    clock.advance(Duration.ofMinutes(16));
    assertFalse(throttle.hasFailures("c6"));
    for (int i = 0; i < 3; i++) assertFalse(fail("admin", "c6").any());
  }

  @Test
  void aWrongSecondFactorCodeCountsLikeAWrongPassword() {
    for (int i = 0; i < 3; i++) throttle.failedOutright("admin", "c7");
    assertTrue(throttle.failedOutright("admin", "c7").accountClient());
    assertTrue(throttle.reserve("admin", "c7").blocked());
  }

  @Test
  void retryAfterIsWholeSecondsRoundedUp() {
    assertEquals(1, LoginThrottle.seconds(Duration.ofMillis(1)));
    assertEquals(2, LoginThrottle.seconds(Duration.ofMillis(1001)));
    assertEquals(60, LoginThrottle.seconds(Duration.ofSeconds(60)));
  }
}
