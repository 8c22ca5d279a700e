package dev.commentmoderation.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ReplicaLagTest {

  static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  final AtomicLong clock = new AtomicLong(1_000 * SECOND);
  final AtomicInteger probes = new AtomicInteger();
  volatile double lag;
  volatile boolean down;

  final ReplicaLag replica =
      new ReplicaLag(
          () -> {
            probes.incrementAndGet();
            if (down) throw new java.sql.SQLException("connection refused");
            return lag;
          },
          5,
          SECOND,
          clock::get);

  @Test
  void aReplicaWithinTheBoundServes() {
    lag = 4.9;
    assertTrue(replica.usable());
    assertEquals(ReplicaLag.State.USABLE, replica.state());
  }

  @Test
  void aReplicaLaggingMoreThanTheBoundDoesNot() {
    lag = 5.1;
    assertFalse(replica.usable());
    assertEquals(ReplicaLag.State.LAGGING, replica.state());
    assertEquals(5.1, replica.lastLagSeconds());
  }

  @Test
  void anUnreachableReplicaDoesNot() {
    down = true;
    assertFalse(replica.usable());
    assertEquals(ReplicaLag.State.DOWN, replica.state());
  }

  @Test
  void theLagIsMeasuredOncePerIntervalWhateverTheReadRate() {
    lag = 0;
    for (int i = 0; i < 1_000; i++) assertTrue(replica.usable());
    assertEquals(1, probes.get());
    clock.addAndGet(SECOND - 1);
    replica.usable();
    assertEquals(1, probes.get());
    clock.addAndGet(1);
    replica.usable();
    assertEquals(2, probes.get());
  }

  @Test
  void aReplicaThatCatchesUpServesAgainAfterTheNextProbe() {
    lag = 30;
    assertFalse(replica.usable());
    lag = 1;
    assertFalse(replica.usable(), "the last answer holds until the interval passed");
    clock.addAndGet(SECOND);
    assertTrue(replica.usable());
  }

  @Test
  void aFailedReadTakesTheReplicaOutAtOnceUntilAProbeFindsItBack() {
    lag = 0;
    assertTrue(replica.usable());
    replica.failed();
    assertFalse(replica.usable());
    assertEquals(ReplicaLag.State.DOWN, replica.state());
    clock.addAndGet(SECOND);
    assertTrue(replica.usable());
  }

  @Test
  void aReplicaThatGoesDownIsLeftAtTheNextProbe() {
    lag = 0;
    assertTrue(replica.usable());
    down = true;
    clock.addAndGet(SECOND);
    assertFalse(replica.usable());
    down = false;
    clock.addAndGet(SECOND);
    assertTrue(replica.usable());
  }
}
