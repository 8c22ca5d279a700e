package dev.commentmoderation.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The batcher with real threads: callers on a pool, the writer on another. */
class GroupCommitTest {

  final ExecutorService committer = Executors.newCachedThreadPool();
  final ExecutorService callers = Executors.newFixedThreadPool(32);

  @AfterEach
  void stop() {
    committer.shutdownNow();
    callers.shutdownNow();
  }

  /** A writer that records its batches and what it has made durable. */
  static final class RecordingWriter implements GroupCommit.BatchWriter<Integer, String> {
    final List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
    final Set<Integer> durable = ConcurrentHashMap.newKeySet();
    final AtomicInteger writing = new AtomicInteger();
    volatile boolean overlapped;

    @Override
    public List<String> write(List<Integer> items) throws Exception {
      if (writing.incrementAndGet() > 1) overlapped = true;
      try {
        Thread.sleep(5); // a commit's fsync
        batches.add(List.copyOf(items));
        durable.addAll(items);
        return items.stream().map(i -> "#" + i).toList();
      } finally {
        writing.decrementAndGet();
      }
    }
  }

  @Test
  void concurrentCallersShareBatchesAndEachGetsItsOwnResultOnlyAfterItsBatchIsDurable()
      throws Exception {
    var writer = new RecordingWriter();
    var commits = new GroupCommit<>(writer, committer, 16, 0, 1000, e -> true);
    int n = 200;
    CyclicBarrier start = new CyclicBarrier(32);
    List<Future<Boolean>> seen = new ArrayList<>();
    AtomicInteger next = new AtomicInteger();
    for (int t = 0; t < 32; t++) {
      seen.add(
          callers.submit(
              () -> {
                start.await();
                boolean allDurable = true;
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                  int item = i;
                  String result = commits.submit(item).get(10, TimeUnit.SECONDS);
                  assertEquals("#" + item, result);
                  allDurable &= writer.durable.contains(item);
                }
                return allDurable;
              }));
    }
    for (var f : seen)
      assertTrue(f.get(30, TimeUnit.SECONDS), "a result arrived before its batch was written");
    assertEquals(n, writer.durable.size());
    assertEquals(
        n, writer.batches.stream().mapToInt(List::size).sum(), "each item written exactly once");
    assertTrue(writer.batches.stream().allMatch(b -> b.size() <= 16), "batches bounded");
    assertTrue(
        writer.batches.size() < n / 2,
        "32 waiting callers must share batches: " + writer.batches.size());
    assertFalse(writer.overlapped, "batches are written one at a time");
  }

  @Test
  void aFailedBatchFailsEveryWaiterWhenTheFailureIsNotAboutTheItems() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    GroupCommit.BatchWriter<Integer, String> down =
        items -> {
          calls.incrementAndGet();
          gate.await();
          throw new SQLTransientConnectionException("database gone");
        };
    var commits =
        new GroupCommit<>(
            down, committer, 64, 0, 1000, e -> !(e instanceof SQLTransientConnectionException));
    var first = commits.submit(0); // occupies the writer until the gate opens
    List<CompletableFuture<String>> waiting = new ArrayList<>();
    while (calls.get() == 0) Thread.onSpinWait();
    for (int i = 1; i <= 10; i++) waiting.add(commits.submit(i));
    gate.countDown();
    var failure = assertThrows(ExecutionException.class, () -> first.get(5, TimeUnit.SECONDS));
    assertInstanceOf(SQLTransientConnectionException.class, failure.getCause());
    for (var f : waiting) {
      var e = assertThrows(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
      assertInstanceOf(SQLTransientConnectionException.class, e.getCause());
    }
    assertEquals(
        2, calls.get(), "one try for the lone first item, one for the batch of ten, none alone");
  }

  @Test
  void oneBadItemFailsAloneAndTheOthersOfItsBatchAreWritten() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    CountDownLatch entered = new CountDownLatch(1);
    var writer = new RecordingWriter();
    GroupCommit.BatchWriter<Integer, String> picky =
        items -> {
          entered.countDown();
          gate.await();
          if (items.contains(13)) throw new SQLException("value too long");
          return writer.write(items);
        };
    var commits = new GroupCommit<>(picky, committer, 64, 0, 1000, e -> true);
    var blocker = commits.submit(0);
    List<CompletableFuture<String>> batch = new ArrayList<>();
    assertTrue(
        entered.await(5, TimeUnit.SECONDS),
        "the blocker's batch has started and waits at the gate");
    for (int i = 10; i < 20; i++) batch.add(commits.submit(i));
    gate.countDown();
    assertEquals("#0", blocker.get(5, TimeUnit.SECONDS));
    for (int i = 10; i < 20; i++) {
      var f = batch.get(i - 10);
      if (i == 13) {
        var e = assertThrows(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
        assertInstanceOf(SQLException.class, e.getCause());
      } else {
        assertEquals("#" + i, f.get(5, TimeUnit.SECONDS));
      }
    }
    assertFalse(writer.durable.contains(13));
    assertEquals(10, writer.durable.size());
  }

  @Test
  void aCallerThatStopsWaitingIsNotWrittenWhenItsBatchHasNotStarted() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    CountDownLatch entered = new CountDownLatch(1);
    var writer = new RecordingWriter();
    GroupCommit.BatchWriter<Integer, String> slow =
        items -> {
          entered.countDown();
          gate.await();
          return writer.write(items);
        };
    var commits = new GroupCommit<>(slow, committer, 64, 0, 1000, e -> true);
    var first = commits.submit(1);
    assertTrue(entered.await(5, TimeUnit.SECONDS));
    var second = commits.submit(2);
    assertThrows(
        TimeoutException.class, () -> second.get(100, TimeUnit.MILLISECONDS), "bounded wait");
    second.cancel(false);
    gate.countDown();
    assertEquals("#1", first.get(5, TimeUnit.SECONDS));
    assertEquals("#3", commits.submit(3).get(5, TimeUnit.SECONDS));
    assertFalse(writer.durable.contains(2), "an abandoned item is not written");
  }

  @Test
  void aFullQueueAndAClosedBatcherRefuseAtOnce() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    CountDownLatch entered = new CountDownLatch(1);
    GroupCommit.BatchWriter<Integer, String> stuck =
        items -> {
          entered.countDown();
          gate.await();
          return items.stream().map(String::valueOf).toList();
        };
    var commits = new GroupCommit<>(stuck, committer, 1, 0, 2, e -> true);
    var writing = commits.submit(1);
    assertTrue(entered.await(5, TimeUnit.SECONDS));
    var queued = List.of(commits.submit(2), commits.submit(3));
    var refused = commits.submit(4);
    var e = assertThrows(ExecutionException.class, () -> refused.get(1, TimeUnit.SECONDS));
    assertInstanceOf(GroupCommit.Overloaded.class, e.getCause());
    commits.close();
    for (var f : queued) {
      var closed = assertThrows(ExecutionException.class, () -> f.get(1, TimeUnit.SECONDS));
      assertInstanceOf(GroupCommit.Closed.class, closed.getCause());
    }
    gate.countDown();
    assertEquals("1", writing.get(5, TimeUnit.SECONDS), "the batch being written completes");
    assertInstanceOf(
        GroupCommit.Closed.class,
        assertThrows(ExecutionException.class, () -> commits.submit(5).get(1, TimeUnit.SECONDS))
            .getCause());
  }

  @Test
  void lingeringGathersItemsThatArriveShortlyAfter() throws Exception {
    var writer = new RecordingWriter();
    var commits =
        new GroupCommit<>(
            writer, committer, 64, TimeUnit.MILLISECONDS.toNanos(200), 1000, e -> true);
    var a = commits.submit(1);
    Thread.sleep(20);
    var b = commits.submit(2);
    assertEquals("#1", a.get(5, TimeUnit.SECONDS));
    assertEquals("#2", b.get(5, TimeUnit.SECONDS));
    assertEquals(List.of(List.of(1, 2)), writer.batches);
  }
}
