package dev.commentmoderation.platform.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * Group commit: callers hand in items and wait on a future; one writer at a time takes every item
 * waiting at that moment (up to {@code maxBatch}, optionally lingering a little for more), writes
 * them as one unit, and only after the writer returned completes their futures. When a batch fails,
 * each of its items is tried once more on its own (unless {@code retryAlone} says the failure is
 * not about the items, e.g. the database is gone), so one bad item fails alone.
 *
 * <p>Plain Java: the container adapter supplies the executor and a transactional writer. Writes
 * never overlap, so a batch sees everything earlier batches wrote.
 */
public final class GroupCommit<T, R> {

  /** Writes all items as one unit; returns one result per item, in order, once durable. */
  @FunctionalInterface
  public interface BatchWriter<T, R> {
    List<R> write(List<T> items) throws Exception;
  }

  /** More items are waiting than the queue holds: the caller should come back later. */
  public static final class Overloaded extends RuntimeException {
    Overloaded(int capacity) {
      super("more than " + capacity + " writes waiting");
    }
  }

  /** Shut down: nothing more is written. */
  public static final class Closed extends RuntimeException {
    Closed() {
      super("group commit closed");
    }
  }

  private record Pending<T, R>(T item, CompletableFuture<R> result) {}

  private final BatchWriter<T, R> writer;
  private final Executor executor;
  private final int maxBatch;
  private final long lingerNanos;
  private final int capacity;
  private final Predicate<Throwable> retryAlone;
  private final BlockingQueue<Pending<T, R>> queue;
  private final AtomicBoolean draining = new AtomicBoolean();
  private volatile boolean closed;

  public GroupCommit(
      BatchWriter<T, R> writer,
      Executor executor,
      int maxBatch,
      long lingerNanos,
      int capacity,
      Predicate<Throwable> retryAlone) {
    if (maxBatch < 1 || capacity < 1 || lingerNanos < 0) {
      throw new IllegalArgumentException(
          "maxBatch and capacity must be positive, linger not negative");
    }
    this.writer = Objects.requireNonNull(writer);
    this.executor = Objects.requireNonNull(executor);
    this.maxBatch = maxBatch;
    this.lingerNanos = lingerNanos;
    this.capacity = capacity;
    this.retryAlone = Objects.requireNonNull(retryAlone);
    this.queue = new ArrayBlockingQueue<>(capacity);
  }

  /**
   * Queues an item for the next batch. The future completes after the batch holding it was written,
   * or exceptionally when it was not; a caller that stops waiting should cancel it, and an item
   * whose future is done before its batch starts is not written.
   */
  public CompletableFuture<R> submit(T item) {
    CompletableFuture<R> result = new CompletableFuture<>();
    if (closed) {
      result.completeExceptionally(new Closed());
    } else if (!queue.offer(new Pending<>(item, result))) {
      result.completeExceptionally(new Overloaded(capacity));
    } else {
      scheduleDrain();
    }
    return result;
  }

  /** Stops accepting items and fails those still waiting; a batch being written completes. */
  public void close() {
    closed = true;
    List<Pending<T, R>> left = new ArrayList<>();
    queue.drainTo(left);
    left.forEach(p -> p.result().completeExceptionally(new Closed()));
  }

  private void scheduleDrain() {
    if (!draining.compareAndSet(false, true)) return;
    try {
      executor.execute(this::drain);
    } catch (RuntimeException rejected) {
      draining.set(false);
      List<Pending<T, R>> left = new ArrayList<>();
      queue.drainTo(left);
      left.forEach(p -> p.result().completeExceptionally(rejected));
    }
  }

  private void drain() {
    try {
      List<Pending<T, R>> batch = new ArrayList<>(maxBatch);
      while (next(batch)) {
        write(batch);
        batch.clear();
      }
    } finally {
      draining.set(false);
    }
    // an item queued between the last look and the reset above must not be stranded
    if (!queue.isEmpty()) scheduleDrain();
  }

  private boolean next(List<Pending<T, R>> batch) {
    queue.drainTo(batch, maxBatch);
    if (lingerNanos > 0 && !batch.isEmpty()) {
      long deadline = System.nanoTime() + lingerNanos;
      try {
        while (batch.size() < maxBatch) {
          long left = deadline - System.nanoTime();
          if (left <= 0) break;
          Pending<T, R> more = queue.poll(left, TimeUnit.NANOSECONDS);
          if (more == null) break;
          batch.add(more);
          queue.drainTo(batch, maxBatch - batch.size());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    batch.removeIf(p -> p.result().isDone());
    return !batch.isEmpty();
  }

  private void write(List<Pending<T, R>> batch) {
    try {
      List<R> results = writer.write(batch.stream().map(Pending::item).toList());
      if (results.size() != batch.size()) {
        throw new IllegalStateException(results.size() + " results for " + batch.size() + " items");
      }
      for (int i = 0; i < batch.size(); i++) batch.get(i).result().complete(results.get(i));
    } catch (Throwable failure) {
      if (batch.size() == 1 || !retryAlone.test(failure)) {
        batch.forEach(p -> p.result().completeExceptionally(failure));
      } else {
        for (Pending<T, R> p : batch) {
          if (!p.result().isDone()) write(List.of(p));
        }
      }
      if (failure instanceof Error error) throw error;
    }
  }
}
