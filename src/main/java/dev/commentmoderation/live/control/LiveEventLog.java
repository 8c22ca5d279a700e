package dev.commentmoderation.live.control;

import dev.commentmoderation.platform.Clocks;
import dev.commentmoderation.platform.cluster.ClusterSignals;
import dev.commentmoderation.platform.cluster.Signal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The dashboards' live events as rows: appended inside the transaction of the change they tell of
 * (so an event exists exactly when its change committed), announced to every instance by a signal
 * naming the row, read back by id to be streamed, and replayed to a dashboard that reconnects. Kept
 * {@code comments.live.replay.minutes}; older rows are deleted.
 */
@ApplicationScoped
@Transactional
public class LiveEventLog {

  /** Events a reconnecting dashboard is sent at most; beyond that it is told to reload. */
  public static final int MAX_REPLAY = 500;

  /**
   * Events committed out of id order (transactions in flight on several instances) are caught by
   * replaying from a little before the last event the dashboard saw; dashboards ignore repeats.
   */
  static final Duration REPLAY_OVERLAP = Duration.ofSeconds(3);

  @Inject EntityManager em;
  @Inject ClusterSignals signals;
  @Inject Clock clock;

  public record Row(long id, String name, String payload) {}

  /** Appends an event to the current transaction and signals it at commit. */
  public void append(String name, String payload) {
    long id =
        ((Number)
                em.createNativeQuery("SELECT nextval('live_event_seq')")
                    .setFlushMode(FlushModeType.COMMIT)
                    .getSingleResult())
            .longValue();
    em.createNativeQuery("INSERT INTO live_event (id, at, name, payload) VALUES (?1, ?2, ?3, ?4)")
        .setFlushMode(FlushModeType.COMMIT)
        .setParameter(1, id)
        .setParameter(2, Clocks.now(clock))
        .setParameter(3, name)
        .setParameter(4, payload)
        .executeUpdate();
    signals.send(Signal.Channel.EVENTS, String.valueOf(id));
  }

  public Optional<Row> find(long id) {
    List<?> rows =
        em.createNativeQuery("SELECT id, name, payload FROM live_event WHERE id = ?1")
            .setParameter(1, id)
            .getResultList();
    return rows.stream().map(r -> row((Object[]) r)).findFirst();
  }

  /**
   * What a dashboard that last saw event {@code lastSeen} missed, oldest first; empty when that
   * event is no longer kept (or never was) or more than {@link #MAX_REPLAY} followed it: the
   * dashboard must reload instead.
   */
  public Optional<List<Row>> since(long lastSeen) {
    List<?> at =
        em.createNativeQuery("SELECT at FROM live_event WHERE id = ?1")
            .setParameter(1, lastSeen)
            .getResultList();
    if (at.isEmpty()) return Optional.empty();
    OffsetDateTime from = timestamp(at.get(0)).minus(REPLAY_OVERLAP);
    List<?> rows =
        em.createNativeQuery(
                "SELECT id, name, payload FROM live_event WHERE at >= ?1 AND id <> ?2 ORDER BY id")
            .setParameter(1, from)
            .setParameter(2, lastSeen)
            .setMaxResults(MAX_REPLAY + 1)
            .getResultList();
    if (rows.size() > MAX_REPLAY) return Optional.empty();
    return Optional.of(rows.stream().map(r -> row((Object[]) r)).toList());
  }

  /** Deletes events older than the replay window; answers how many. */
  @Transactional
  public int prune(Duration keep) {
    return em.createNativeQuery("DELETE FROM live_event WHERE at < ?1")
        .setParameter(1, Clocks.now(clock).minus(keep))
        .executeUpdate();
  }

  private static Row row(Object[] r) {
    return new Row(((Number) r[0]).longValue(), (String) r[1], (String) r[2]);
  }

  private static OffsetDateTime timestamp(Object value) {
    if (value instanceof OffsetDateTime o) return o;
    if (value instanceof java.sql.Timestamp t) {
      return t.toInstant().atOffset(java.time.ZoneOffset.UTC);
    }
    if (value instanceof java.time.Instant i) return i.atOffset(java.time.ZoneOffset.UTC);
    throw new IllegalStateException("unexpected timestamp type " + value.getClass());
  }
}
