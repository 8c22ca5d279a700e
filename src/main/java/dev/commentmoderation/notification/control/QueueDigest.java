package dev.commentmoderation.notification.control;

import dev.commentmoderation.platform.Clocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The moderators' digest: when the oldest held comment has waited longer than {@code
 * comments.digest.after.minutes}, every enabled moderator who gave an e-mail is sent one mail, at
 * most once per {@code comments.digest.every.minutes} for all instances together: the check takes
 * the one {@code notification_state} row {@code FOR UPDATE SKIP LOCKED} and writes the time it sent
 * in the same transaction as the mails' outbox rows.
 */
@ApplicationScoped
public class QueueDigest {

  static final String EVENT = "digest";

  @Inject EntityManager em;
  @Inject Outbox outbox;
  @Inject MailTexts texts;
  @Inject NotificationSettings settings;
  @Inject Clock clock;

  /** Answers how many digests it queued (0 when not due, or another instance is checking). */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int checkAndQueue() {
    List<?> locked =
        em.createNativeQuery(
                "SELECT digest_sent_at FROM notification_state WHERE id = 1 FOR UPDATE SKIP LOCKED")
            .getResultList();
    if (locked.isEmpty()) return 0;
    OffsetDateTime now = Clocks.now(clock);
    OffsetDateTime last = Outbox.time(locked.get(0));
    Duration every = settings.digestEvery();
    if (last != null && last.plus(every).isAfter(now)) return 0;
    Object[] queue =
        (Object[])
            em.createNativeQuery(
                    "SELECT COUNT(*), MIN(created_at) FROM comments WHERE status = 'PENDING'")
                .getSingleResult();
    long pending = ((Number) queue[0]).longValue();
    OffsetDateTime oldest = Outbox.time(queue[1]);
    if (pending == 0 || oldest == null || oldest.plus(settings.digestAfter()).isAfter(now))
      return 0;
    long waited = Duration.between(oldest, now).toMinutes();
    String dashboard = settings.publicUrl() + "/moderation/";
    int queued = 0;
    for (Object row :
        em.createNativeQuery(
                "SELECT c.username, c.email, c.language FROM moderator_contact c"
                    + " JOIN account a ON a.username = c.username WHERE a.enabled = TRUE"
                    + " ORDER BY c.username")
            .getResultList()) {
      Object[] r = (Object[]) row;
      var text =
          texts.digest(
              MailTexts.locale((String) r[2]),
              pending,
              waited,
              dashboard,
              settings.digestAfter().toMinutes(),
              every.toMinutes());
      outbox.appendMail(
          EVENT,
          "mail:digest:" + r[0] + ":" + now.toEpochSecond(),
          (String) r[1],
          text.subject(),
          text.body(),
          null);
      queued++;
    }
    // a digest that reached nobody is not one: a moderator who adds an address gets the next
    // check's
    if (queued > 0)
      em.createNativeQuery("UPDATE notification_state SET digest_sent_at = ?1 WHERE id = 1")
          .setParameter(1, now)
          .executeUpdate();
    return queued;
  }
}
