package dev.commentmoderation.author.control;

import static dev.commentmoderation.author.control.AuthorStandingsTest.sanction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.commentmoderation.author.entity.Sanction;
import dev.commentmoderation.author.entity.SanctionKind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InForceTest {

  private final AtomicLong now = new AtomicLong();
  private final AtomicInteger reads = new AtomicInteger();
  private final List<Sanction> table = new ArrayList<>();

  private InForce inForce(long ttl) {
    return new InForce(
        () -> {
          reads.incrementAndGet();
          return List.copyOf(table);
        },
        ttl,
        now::get);
  }

  @Test
  void findsSanctionsByEmailDomainAndClientEachOnce() {
    Sanction byEmail = sanction(SanctionKind.BAN, null, "Troll@Mail.kg", null, null, null);
    Sanction byDomain = sanction(SanctionKind.PREMODERATE, null, null, "spam.example", null, null);
    Sanction byClient = sanction(SanctionKind.BAN, null, null, null, "c1", null);
    Sanction both = sanction(SanctionKind.TRUST, null, "troll@mail.kg", null, "c1", null);
    table.addAll(List.of(byEmail, byDomain, byClient, both));
    var snapshot = inForce(100).get();

    assertEquals(
        List.of(byEmail, both, byClient), snapshot.candidates("troll@mail.kg", "mail.kg", "c1"));
    assertEquals(List.of(byDomain), snapshot.candidates("x@spam.example", "spam.example", "c2"));
    assertEquals(List.of(), snapshot.candidates("", null, null));
    assertEquals(4, snapshot.size());
  }

  @Test
  void readOnceWithinTheTimeToLiveAndAgainAfterIt() {
    var inForce = inForce(100);
    var first = inForce.get();
    now.addAndGet(99);
    assertSame(first, inForce.get());
    assertEquals(1, reads.get());
    now.addAndGet(1);
    inForce.get();
    assertEquals(2, reads.get());
  }

  @Test
  void aChangeIsSeenByTheNextLookAtOnce() {
    var inForce = inForce(1_000);
    assertEquals(0, inForce.get().size());
    table.add(sanction(SanctionKind.BAN, null, "a@b.kg", null, null, null));
    assertEquals(0, inForce.get().size(), "within the time to live");
    inForce.invalidate();
    assertEquals(1, inForce.get().size(), "a ban counts from the next submission");
    assertEquals(2, reads.get());
  }

  /**
   * A reader whose call number {@code blocking} signals {@code reading} and waits for {@code
   * release}.
   */
  private static java.util.function.Supplier<List<Sanction>> blockingReader(
      int blocking,
      AtomicInteger calls,
      CountDownLatch reading,
      CountDownLatch release,
      List<Sanction> after) {
    return () -> {
      int call = calls.incrementAndGet();
      if (call == blocking) {
        reading.countDown();
        try {
          assertTrue(release.await(5, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
          throw new AssertionError(e);
        }
        return List.of();
      }
      return call > blocking ? after : List.of();
    };
  }

  @Test
  void aReadThatStartedBeforeAChangeIsNotKeptAfterIt() throws Exception {
    CountDownLatch reading = new CountDownLatch(1);
    CountDownLatch changed = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    var ban = List.of(sanction(SanctionKind.BAN, null, "a@b.kg", null, null, null));
    var inForce = new InForce(blockingReader(1, calls, reading, changed, ban), 1_000, now::get);
    Thread slow = new Thread(inForce::get);
    slow.start();
    assertTrue(reading.await(5, TimeUnit.SECONDS));
    inForce.invalidate();
    changed.countDown();
    slow.join(5_000);
    assertEquals(1, inForce.get().size(), "the set read before the change was dropped");
    assertEquals(2, calls.get());
  }

  @Test
  void whileOneThreadReadsAStaleSetTheOthersGoOnWithIt() throws Exception {
    CountDownLatch reading = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    var inForce = new InForce(blockingReader(2, calls, reading, release, List.of()), 100, now::get);
    var old = inForce.get();
    now.addAndGet(100);
    Thread reader = new Thread(inForce::get);
    reader.start();
    assertTrue(reading.await(5, TimeUnit.SECONDS));
    assertSame(old, inForce.get(), "merely old: no wait for the reading thread");
    release.countDown();
    reader.join(5_000);
    assertEquals(2, calls.get());
  }
}
