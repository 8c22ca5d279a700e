package dev.commentmoderation.comment.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.commentmoderation.article.entity.ArticleId;
import dev.commentmoderation.comment.entity.CommentDecided;
import dev.commentmoderation.comment.entity.CommentId;
import dev.commentmoderation.comment.entity.CommentReported;
import dev.commentmoderation.comment.entity.CommentStatus;
import dev.commentmoderation.comment.entity.CommentSubmitted;
import dev.commentmoderation.security.entity.Moderator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ThreadCacheTest {

  final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  final Ticker ticker = nanos::get;
  ThreadCache cache;

  /** What the database holds, and how often it was read. */
  String stored = "[1]";

  final AtomicInteger reads = new AtomicInteger();
  final Supplier<byte[]> database =
      () -> {
        reads.incrementAndGet();
        return stored.getBytes(StandardCharsets.UTF_8);
      };

  static ThreadCache.Key key(String article) {
    return new ThreadCache.Key(article, 20, null, false);
  }

  @BeforeEach
  void cache() {
    cache = new ThreadCache();
    cache.configure(100, Duration.ofSeconds(30), ticker);
  }

  private void advance(Duration d) {
    nanos.addAndGet(d.toNanos());
  }

  @Test
  void aPageIsReadOnceAndServedFromMemoryUntilItsArticleChanges() {
    var first = cache.page(key("a"), database);
    var second = cache.page(key("a"), database);
    assertEquals(1, reads.get());
    assertArrayEquals(first.json(), second.json());
    assertEquals(first.etag(), second.etag());

    stored = "[1,2]";
    cache.invalidate("a");
    var third = cache.page(key("a"), database);
    assertEquals(2, reads.get());
    assertEquals("[1,2]", new String(third.json(), StandardCharsets.UTF_8));
    assertNotEquals(first.etag(), third.etag(), "the tag follows the content");
  }

  @Test
  void pagesOfOneArticleAreKeptApartAndOtherArticlesSurviveItsInvalidation() {
    String other = otherStripe("a");
    cache.page(key("a"), database);
    cache.page(new ThreadCache.Key("a", 20, null, true), database);
    cache.page(key(other), database);
    assertEquals(3, reads.get(), "order is part of the key");
    cache.invalidate("a");
    cache.page(key(other), database);
    assertEquals(3, reads.get(), "another article's page is still good");
    cache.page(key("a"), database);
    cache.page(new ThreadCache.Key("a", 20, null, true), database);
    assertEquals(5, reads.get(), "every page of the changed article is read again");
  }

  @Test
  void aPageReadWhileADecisionCommitsIsNotKept() {
    // the reader reads the old thread; meanwhile the decision commits and its observer invalidates
    Supplier<byte[]> racing =
        () -> {
          byte[] before = database.get();
          stored = "[1,2]";
          cache.invalidate("a");
          return before;
        };
    var raced = cache.page(key("a"), racing);
    assertEquals(
        "[1]", new String(raced.json(), StandardCharsets.UTF_8), "that reader got what it read");
    var next = cache.page(key("a"), database);
    assertEquals(
        "[1,2]",
        new String(next.json(), StandardCharsets.UTF_8),
        "the pre-commit page was not kept");
    assertEquals(2, reads.get());
  }

  @Test
  void anInvalidationBetweenTheStoreAndTheNextReadIsNotMissed() {
    cache.page(key("a"), database);
    stored = "[]";
    cache.invalidate("a");
    assertEquals("[]", new String(cache.page(key("a"), database).json(), StandardCharsets.UTF_8));
    cache.invalidateAll();
    cache.page(key("a"), database);
    assertEquals(3, reads.get());
  }

  @Test
  void underConcurrentChangesNoReadStartedAfterAnInvalidationSeesTheStateBeforeIt()
      throws Exception {
    cache.configure(100, Duration.ofSeconds(30), Ticker.systemTicker());
    AtomicInteger committed = new AtomicInteger();
    AtomicInteger announced = new AtomicInteger();
    Supplier<byte[]> slowDatabase =
        () -> {
          byte[] now = Integer.toString(committed.get()).getBytes(StandardCharsets.UTF_8);
          Thread.onSpinWait();
          return now;
        };
    Thread writer =
        new Thread(
            () -> {
              for (int v = 1; v <= 20_000; v++) {
                committed.set(v);
                cache.invalidate("a");
                announced.set(v);
              }
            });
    AtomicInteger stale = new AtomicInteger();
    Runnable reader =
        () -> {
          while (announced.get() < 20_000) {
            int floor = announced.get();
            int got =
                Integer.parseInt(
                    new String(cache.page(key("a"), slowDatabase).json(), StandardCharsets.UTF_8));
            if (got < floor) stale.incrementAndGet();
          }
        };
    Thread r1 = new Thread(reader);
    Thread r2 = new Thread(reader);
    r1.start();
    r2.start();
    writer.start();
    writer.join();
    r1.join();
    r2.join();
    assertEquals(
        0, stale.get(), "pages older than an invalidation that finished before the read began");
  }

  @Test
  void entriesAreBoundedInNumberAndAge() {
    cache.configure(10, Duration.ofSeconds(30), ticker);
    for (int i = 0; i < 200; i++) cache.page(key("article-" + i), database);
    assertTrue(cache.size() <= 10, "at most 10 entries, got " + cache.size());

    // the age bound on its own (a full cache may refuse a page read once: frequency-based
    // admission)
    cache.configure(10, Duration.ofSeconds(30), ticker);
    cache.page(key("fresh"), database);
    int before = reads.get();
    advance(Duration.ofSeconds(29));
    cache.page(key("fresh"), database);
    assertEquals(before, reads.get(), "still within the age bound");
    advance(Duration.ofSeconds(2));
    cache.page(key("fresh"), database);
    assertEquals(before + 1, reads.get(), "older than the bound, even without any invalidation");
  }

  @Test
  void largePagesAreBoundedInBytes() {
    // 1,000 entries allowed, but only 100 KB: 40 KB pages (a long thread's) fit two at a time
    cache.configure(1_000, 100_000, Duration.ofSeconds(30), ticker);
    java.util.function.Supplier<byte[]> big = () -> new byte[40_000];
    for (int i = 0; i < 50; i++) cache.page(key("long-" + i), big);
    assertTrue(cache.size() <= 2, "at most 100 KB of 40 KB pages, got " + cache.size() + " pages");
  }

  @Test
  void noCachingWhenTheBoundsAreZero() {
    cache.configure(0, Duration.ZERO, ticker);
    cache.page(key("a"), database);
    cache.page(key("a"), database);
    assertEquals(2, reads.get());
  }

  @Test
  void whileTheListenerForOtherInstancesIsNotProvenAliveTheDatabaseIsReadEveryTime() {
    cache.requireRemote();
    cache.page(key("a"), database);
    cache.page(key("a"), database);
    assertEquals(2, reads.get(), "not yet connected");

    cache.remoteAlive(Duration.ofSeconds(5));
    cache.page(key("a"), database);
    cache.page(key("a"), database);
    assertEquals(3, reads.get(), "connected: cached");

    advance(Duration.ofSeconds(6));
    cache.page(key("a"), database);
    assertEquals(4, reads.get(), "no heartbeat for longer than it was trusted: bypassed");

    cache.remoteAlive(Duration.ofSeconds(5));
    cache.page(key("a"), database);
    assertEquals(
        4,
        reads.get(),
        "the same connection proved alive again (after applying what queued on it): the kept page is good");
    cache.remoteLost();
    cache.page(key("a"), database);
    assertEquals(5, reads.get(), "connection lost: bypassed");
    cache.remoteAlive(Duration.ofSeconds(5));
    cache.page(key("a"), database);
    assertEquals(6, reads.get(), "a lost connection dropped everything that was cached");
  }

  @Test
  void theEntityTagIsAStableFunctionOfTheBytes() {
    byte[] a = "{\"x\":1}".getBytes(StandardCharsets.UTF_8);
    assertEquals(ThreadCache.etag(a), ThreadCache.etag(a.clone()));
    assertNotEquals(
        ThreadCache.etag(a), ThreadCache.etag("{\"x\":2}".getBytes(StandardCharsets.UTF_8)));
    assertTrue(ThreadCache.etag(a).matches("[A-Za-z0-9_-]{24}"), ThreadCache.etag(a));
  }

  @Test
  void onlyChangesToWhatIsPublishedInvalidate() {
    assertTrue(
        ThreadInvalidation.changesThread(
            new CommentSubmitted(
                new CommentId(1), new ArticleId("a"), CommentStatus.APPROVED, null)));
    assertFalse(
        ThreadInvalidation.changesThread(
            new CommentSubmitted(
                new CommentId(1), new ArticleId("a"), CommentStatus.PENDING, null)));
    assertFalse(
        ThreadInvalidation.changesThread(
            new CommentSubmitted(
                new CommentId(1), new ArticleId("a"), CommentStatus.REJECTED, null)));
    assertTrue(
        ThreadInvalidation.changesThread(decided(CommentStatus.PENDING, CommentStatus.APPROVED)));
    assertTrue(
        ThreadInvalidation.changesThread(decided(CommentStatus.APPROVED, CommentStatus.REJECTED)));
    assertTrue(
        ThreadInvalidation.changesThread(decided(CommentStatus.APPROVED, CommentStatus.PENDING)));
    assertFalse(
        ThreadInvalidation.changesThread(decided(CommentStatus.PENDING, CommentStatus.REJECTED)));
    assertFalse(
        ThreadInvalidation.changesThread(decided(CommentStatus.REJECTED, CommentStatus.PENDING)));
    assertTrue(
        ThreadInvalidation.changesThread(
            new CommentReported(new CommentId(1), new ArticleId("a"), 3, true, 2)));
    assertFalse(
        ThreadInvalidation.changesThread(
            new CommentReported(new CommentId(1), new ArticleId("a"), 1, false, 1)));
  }

  @Test
  void notificationsFromOtherInstancesOrByHandInvalidateButOwnOnesAreAlreadyApplied() {
    var listener = new ThreadChangeListener();
    listener.cache = cache;
    String other = otherStripe("a");
    cache.page(key("a"), database);
    cache.page(key(other), database);

    listener.apply(ThreadInvalidation.INSTANCE + " a");
    cache.page(key("a"), database);
    assertEquals(
        2, reads.get(), "this instance's own notification: invalidated after its commit already");

    listener.apply("someoneelse a");
    cache.page(key("a"), database);
    cache.page(key(other), database);
    assertEquals(3, reads.get());

    listener.apply(other);
    cache.page(key(other), database);
    assertEquals(4, reads.get(), "an article id alone, as sent by hand");

    listener.apply("*");
    cache.page(key("a"), database);
    cache.page(key(other), database);
    assertEquals(6, reads.get(), "* drops everything");

    listener.apply("someoneelse a " + other);
    cache.page(key("a"), database);
    cache.page(key(other), database);
    assertEquals(8, reads.get(), "one notification for a batch names several articles");
  }

  private static CommentDecided decided(CommentStatus from, CommentStatus to) {
    return new CommentDecided(
        new CommentId(1), new ArticleId("a"), from, to, new Moderator("admin", true), 2);
  }

  /** An article whose generation is not shared with the given one's. */
  static String otherStripe(String article) {
    for (int i = 0; ; i++) {
      String other = "other-" + i;
      if (ThreadCache.stripe(other) != ThreadCache.stripe(article)) return other;
    }
  }
}
