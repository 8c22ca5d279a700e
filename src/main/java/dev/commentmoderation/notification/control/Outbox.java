package dev.commentmoderation.notification.control;

import dev.commentmoderation.notification.entity.DeliveryState;
import dev.commentmoderation.notification.entity.OutboxKind;
import dev.commentmoderation.platform.Clocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * The durable outbox. Rows are appended inside the transaction of the change they tell of, with a
 * key that is unique per (event, recipient or hook), so an event told twice makes one row ({@code
 * INSERT … ON CONFLICT DO NOTHING}, which H2 in PostgreSQL mode takes too). Workers claim due rows
 * with {@code FOR UPDATE SKIP LOCKED}, so of several instances each row goes to one; a claim is a
 * lease that a worker that died gives up when it runs out.
 */
@ApplicationScoped
@Transactional
public class Outbox {

  static final String INTERRUPTED =
      "interrupted: the service stopped while sending; a mail is not sent twice";

  @Inject EntityManager em;
  @Inject Clock clock;

  /** A claimed row, with its webhook's address, secret and format when it is a delivery. */
  public record Claimed(
      long id,
      OutboxKind kind,
      String event,
      int attempts,
      Long webhookId,
      String url,
      String secret,
      String format,
      boolean webhookDeleted,
      String recipient,
      String subject,
      String payload,
      String unsubscribeUrl) {}

  /** What one attempt came to. */
  public record Outcome(boolean delivered, boolean permanent, Integer status, String answer) {
    public static Outcome sent(Integer status, String answer) {
      return new Outcome(true, false, status, answer);
    }

    public static Outcome failed(Integer status, String answer) {
      return new Outcome(false, false, status, answer);
    }

    public static Outcome hopeless(String answer) {
      return new Outcome(false, true, null, answer);
    }
  }

  /** A row of a webhook's delivery log. */
  public record Delivery(
      long id,
      String event,
      String state,
      int attempts,
      Integer lastStatus,
      String lastAnswer,
      OffsetDateTime createdAt,
      OffsetDateTime lastAttemptAt,
      OffsetDateTime nextAttemptAt,
      OffsetDateTime sentAt) {}

  /**
   * Appends a webhook delivery to the current transaction; {@code payload} is made with the row's
   * id (the delivery id the body carries).
   */
  public void appendDelivery(
      long webhookId, String event, String dedupeKey, LongFunction<String> payload) {
    long id = nextId();
    insert(
        id, OutboxKind.WEBHOOK, dedupeKey, event, webhookId, null, null, null, payload.apply(id));
  }

  /** Appends a mail to the current transaction. */
  public void appendMail(
      String event,
      String dedupeKey,
      String to,
      String subject,
      String body,
      String unsubscribeUrl) {
    insert(nextId(), OutboxKind.MAIL, dedupeKey, event, null, to, subject, unsubscribeUrl, body);
  }

  private long nextId() {
    return ((Number)
            em.createNativeQuery("SELECT nextval('outbox_seq')")
                .setFlushMode(FlushModeType.COMMIT)
                .getSingleResult())
        .longValue();
  }

  private void insert(
      long id,
      OutboxKind kind,
      String dedupeKey,
      String event,
      Long webhookId,
      String recipient,
      String subject,
      String unsubscribeUrl,
      String payload) {
    OffsetDateTime now = Clocks.now(clock);
    em.createNativeQuery(
            "INSERT INTO outbox (id, kind, dedupe_key, event, webhook_id, recipient, subject,"
                + " unsubscribe_url, payload, state, attempts, due_at, created_at)"
                + " VALUES (?1, ?2, ?3, ?4, CAST(?5 AS BIGINT), ?6, ?7, ?8, ?9, 'PENDING', 0, ?10,"
                + " ?10)"
                + " ON CONFLICT DO NOTHING")
        .setFlushMode(FlushModeType.COMMIT)
        .setParameter(1, id)
        .setParameter(2, kind.name())
        .setParameter(3, dedupeKey)
        .setParameter(4, event)
        .setParameter(5, webhookId)
        .setParameter(6, recipient)
        .setParameter(7, subject)
        .setParameter(8, unsubscribeUrl)
        .setParameter(9, payload)
        .setParameter(10, now)
        .executeUpdate();
  }

  /**
   * Takes up to {@code max} due rows for this worker for {@code lease}, counting the attempt. A
   * webhook delivery whose lease ran out (its worker died mid-send) is taken again: deliveries are
   * at least once. A mail whose lease ran out is failed instead: mails are at most once.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<Claimed> claim(int max, Duration lease, boolean mail) {
    OffsetDateTime now = Clocks.now(clock);
    List<Long> ids = new ArrayList<>();
    for (Object row :
        em.createNativeQuery(
                "SELECT id, kind FROM outbox WHERE state = 'SENDING' AND locked_until < ?1"
                    + " ORDER BY locked_until LIMIT "
                    + max
                    + " FOR UPDATE SKIP LOCKED")
            .setParameter(1, now)
            .getResultList()) {
      Object[] r = (Object[]) row;
      long id = ((Number) r[0]).longValue();
      if (OutboxKind.MAIL.name().equals(r[1])) {
        finish(id, DeliveryState.FAILED, null, INTERRUPTED, now);
      } else {
        ids.add(id);
      }
    }
    if (ids.size() < max) {
      String kinds = mail ? "" : " AND kind = 'WEBHOOK'";
      for (Object id :
          em.createNativeQuery(
                  "SELECT id FROM outbox WHERE state = 'PENDING' AND due_at <= ?1"
                      + kinds
                      + " ORDER BY due_at LIMIT "
                      + (max - ids.size())
                      + " FOR UPDATE SKIP LOCKED")
              .setParameter(1, now)
              .getResultList()) {
        ids.add(((Number) id).longValue());
      }
    }
    List<Claimed> claimed = new ArrayList<>(ids.size());
    for (long id : ids) {
      em.createNativeQuery(
              "UPDATE outbox SET state = 'SENDING', attempts = attempts + 1, locked_until = ?2,"
                  + " last_attempt_at = ?3 WHERE id = ?1")
          .setParameter(1, id)
          .setParameter(2, now.plus(lease))
          .setParameter(3, now)
          .executeUpdate();
      Object[] r =
          (Object[])
              em.createNativeQuery(
                      "SELECT o.id, o.kind, o.event, o.attempts, o.webhook_id, w.url, w.secret,"
                          + " w.format, w.deleted_at, o.recipient, o.subject, o.payload,"
                          + " o.unsubscribe_url FROM outbox o LEFT JOIN webhook w"
                          + " ON w.id = o.webhook_id WHERE o.id = ?1")
                  .setParameter(1, id)
                  .getSingleResult();
      claimed.add(
          new Claimed(
              ((Number) r[0]).longValue(),
              OutboxKind.valueOf((String) r[1]),
              (String) r[2],
              ((Number) r[3]).intValue(),
              r[4] == null ? null : ((Number) r[4]).longValue(),
              (String) r[5],
              (String) r[6],
              (String) r[7],
              r[4] != null && (r[5] == null || r[8] != null),
              (String) r[9],
              (String) r[10],
              text(r[11]),
              (String) r[12]));
    }
    return claimed;
  }

  /**
   * Records an attempt of a row this worker still holds (same attempt count, still SENDING): sent,
   * due again after the back-off, or failed for good.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void record(Claimed row, Outcome outcome, Backoff backoff, double jitter) {
    OffsetDateTime now = Clocks.now(clock);
    String answer = truncated(outcome.answer());
    if (outcome.delivered()) {
      em.createNativeQuery(
              "UPDATE outbox SET state = 'SENT', sent_at = ?3, locked_until = NULL,"
                  + " last_status = CAST(?4 AS INTEGER), last_answer = ?5"
                  + " WHERE id = ?1 AND attempts = ?2 AND state = 'SENDING'")
          .setParameter(1, row.id())
          .setParameter(2, row.attempts())
          .setParameter(3, now)
          .setParameter(4, outcome.status())
          .setParameter(5, answer)
          .executeUpdate();
    } else if (outcome.permanent() || !backoff.retries(row.attempts())) {
      em.createNativeQuery(
              "UPDATE outbox SET state = 'FAILED', locked_until = NULL,"
                  + " last_status = CAST(?3 AS INTEGER),"
                  + " last_answer = ?4 WHERE id = ?1 AND attempts = ?2 AND state = 'SENDING'")
          .setParameter(1, row.id())
          .setParameter(2, row.attempts())
          .setParameter(3, outcome.status())
          .setParameter(4, answer)
          .executeUpdate();
    } else {
      em.createNativeQuery(
              "UPDATE outbox SET state = 'PENDING', locked_until = NULL, due_at = ?3,"
                  + " last_status = CAST(?4 AS INTEGER), last_answer = ?5"
                  + " WHERE id = ?1 AND attempts = ?2 AND state = 'SENDING'")
          .setParameter(1, row.id())
          .setParameter(2, row.attempts())
          .setParameter(3, now.plus(backoff.delay(row.attempts(), jitter)))
          .setParameter(4, outcome.status())
          .setParameter(5, answer)
          .executeUpdate();
    }
  }

  /** Ends a claimed row that must not be sent (its webhook was deleted meanwhile). */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void cancel(Claimed row, String why) {
    finish(row.id(), DeliveryState.CANCELLED, null, why, Clocks.now(clock));
  }

  private void finish(
      long id, DeliveryState state, Integer status, String answer, OffsetDateTime now) {
    em.createNativeQuery(
            "UPDATE outbox SET state = ?2, locked_until = NULL, last_status = CAST(?3 AS INTEGER),"
                + " last_answer = ?4, last_attempt_at = COALESCE(last_attempt_at, ?5)"
                + " WHERE id = ?1")
        .setParameter(1, id)
        .setParameter(2, state.name())
        .setParameter(3, status)
        .setParameter(4, truncated(answer))
        .setParameter(5, now)
        .executeUpdate();
  }

  /** Mails not yet sent to an address that unsubscribed are not sent (current transaction). */
  public int cancelMailsTo(String recipient, List<String> events) {
    int cancelled = 0;
    for (String event : events) {
      cancelled +=
          em.createNativeQuery(
                  "UPDATE outbox SET state = 'CANCELLED', last_answer = 'unsubscribed'"
                      + " WHERE kind = 'MAIL' AND state = 'PENDING' AND recipient = ?1"
                      + " AND event = ?2")
              .setParameter(1, recipient)
              .setParameter(2, event)
              .executeUpdate();
    }
    return cancelled;
  }

  /** Pending deliveries of a deleted webhook are not sent (current transaction). */
  public int cancelDeliveries(long webhookId) {
    return em.createNativeQuery(
            "UPDATE outbox SET state = 'CANCELLED', last_answer = 'webhook deleted'"
                + " WHERE webhook_id = ?1 AND state = 'PENDING'")
        .setParameter(1, webhookId)
        .executeUpdate();
  }

  /**
   * Deletes finished rows (sent, failed, cancelled) older than {@code keep}: mails carry readers'
   * addresses and texts, which must not outlive their use. Answers how many.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int prune(Duration keep) {
    return em.createNativeQuery(
            "DELETE FROM outbox WHERE state IN ('SENT', 'FAILED', 'CANCELLED') AND created_at < ?1")
        .setParameter(1, Clocks.now(clock).minus(keep))
        .executeUpdate();
  }

  /** A webhook's deliveries, newest first. */
  public List<Delivery> deliveries(long webhookId, int limit) {
    List<Delivery> list = new ArrayList<>();
    for (Object row :
        em.createNativeQuery(
                "SELECT id, event, state, attempts, last_status, last_answer, created_at,"
                    + " last_attempt_at, due_at, sent_at FROM outbox WHERE webhook_id = ?1"
                    + " ORDER BY id DESC")
            .setParameter(1, webhookId)
            .setMaxResults(limit)
            .getResultList()) {
      Object[] r = (Object[]) row;
      String state = (String) r[2];
      list.add(
          new Delivery(
              ((Number) r[0]).longValue(),
              (String) r[1],
              state,
              ((Number) r[3]).intValue(),
              r[4] == null ? null : ((Number) r[4]).intValue(),
              (String) r[5],
              time(r[6]),
              time(r[7]),
              DeliveryState.PENDING.name().equals(state) ? time(r[8]) : null,
              time(r[9])));
    }
    return list;
  }

  static String truncated(String answer) {
    if (answer == null) return null;
    return answer.length() <= WebhookClient.KEPT_ANSWER_BYTES
        ? answer
        : answer.substring(0, WebhookClient.KEPT_ANSWER_BYTES);
  }

  static String text(Object value) {
    if (value == null) return null;
    if (value instanceof String s) return s;
    if (value instanceof java.sql.Clob clob) {
      try {
        return clob.getSubString(1, (int) clob.length());
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException(e);
      }
    }
    return value.toString();
  }

  static OffsetDateTime time(Object value) {
    if (value == null) return null;
    if (value instanceof OffsetDateTime o) return o;
    if (value instanceof java.sql.Timestamp t) return t.toInstant().atOffset(ZoneOffset.UTC);
    if (value instanceof java.time.Instant i) return i.atOffset(ZoneOffset.UTC);
    return OffsetDateTime.parse(value.toString());
  }
}
