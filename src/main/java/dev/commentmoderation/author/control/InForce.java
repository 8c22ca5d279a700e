package dev.commentmoderation.author.control;

import dev.commentmoderation.author.entity.Sanction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The sanctions in force, read whole and indexed by what they name (e-mail, e-mail domain, client),
 * so that judging a submission's author costs no query. Read again once older than the time to
 * live, or after {@link #invalidate()}; while one thread reads, the others go on with the previous
 * set (only the very first read makes them wait). A set read before an invalidation is not kept
 * after it, even when its read ends later.
 *
 * <p>Meant for what a newsroom bans: thousands, not millions.
 */
final class InForce {

  /** A set of sanctions and the indexes into it. */
  static final class Snapshot {
    private final Map<String, List<Sanction>> byEmail = new HashMap<>();
    private final Map<String, List<Sanction>> byDomain = new HashMap<>();
    private final Map<String, List<Sanction>> byClient = new HashMap<>();
    private final Map<String, List<Sanction>> byReader = new HashMap<>();
    private final int size;

    Snapshot(List<Sanction> sanctions) {
      for (Sanction s : sanctions) {
        index(byEmail, s.authorEmail(), s);
        index(byDomain, s.emailDomain(), s);
        index(byClient, s.clientHash(), s);
        index(byReader, s.readerId() == null ? null : s.readerId().toString(), s);
      }
      size = sanctions.size();
    }

    private static void index(Map<String, List<Sanction>> map, String key, Sanction s) {
      if (key != null && !key.isEmpty()) map.computeIfAbsent(key, k -> new ArrayList<>(1)).add(s);
    }

    /** Those naming this e-mail (lower case), its domain or this client; each once. */
    List<Sanction> candidates(String email, String domain, String clientHash) {
      return candidates(email, domain, clientHash, null);
    }

    /** Those naming this signed-in reader when there is one, else as above. */
    List<Sanction> candidates(String email, String domain, String clientHash, Long reader) {
      List<Sanction> found = new ArrayList<>(0);
      if (reader != null) {
        add(found, byReader, reader.toString());
        return found;
      }
      add(found, byEmail, email);
      add(found, byDomain, domain);
      add(found, byClient, clientHash);
      return found;
    }

    private static void add(List<Sanction> found, Map<String, List<Sanction>> map, String key) {
      if (key == null || key.isEmpty()) return;
      for (Sanction s : map.getOrDefault(key, List.of())) {
        if (!found.contains(s)) found.add(s);
      }
    }

    int size() {
      return size;
    }
  }

  private record Stamped(Snapshot snapshot, long readAt, long generation) {}

  private final Supplier<List<Sanction>> reader;
  private final long ttlNanos;
  private final LongSupplier clock;
  private final ReentrantLock reading = new ReentrantLock();
  private final AtomicLong generation = new AtomicLong();
  private volatile Stamped current;

  InForce(Supplier<List<Sanction>> reader, long ttlNanos) {
    this(reader, ttlNanos, System::nanoTime);
  }

  /** With a clock of its own, for tests. */
  InForce(Supplier<List<Sanction>> reader, long ttlNanos, LongSupplier clock) {
    this.reader = Objects.requireNonNull(reader);
    this.ttlNanos = ttlNanos;
    this.clock = Objects.requireNonNull(clock);
  }

  Snapshot get() {
    Stamped s = current;
    boolean invalidated = s == null || s.generation() != generation.get();
    if (!invalidated && fresh(s)) return s.snapshot();
    // merely old: one thread reads, the others keep the previous set meanwhile; after a change
    // (or before the first read) everyone waits for the new one
    if (invalidated) {
      reading.lock();
    } else if (!reading.tryLock()) {
      return s.snapshot();
    }
    try {
      Stamped again = current;
      long before = generation.get();
      if (again != null && again.generation() == before && fresh(again)) return again.snapshot();
      long at = clock.getAsLong();
      Snapshot read = new Snapshot(reader.get());
      if (before == generation.get()) current = new Stamped(read, at, before);
      return read;
    } finally {
      reading.unlock();
    }
  }

  private boolean fresh(Stamped s) {
    return clock.getAsLong() - s.readAt() < ttlNanos;
  }

  /** A sanction changed: the next {@link #get()} reads them again. */
  void invalidate() {
    generation.incrementAndGet();
  }
}
