package dev.commentmoderation.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * A reader's «Сообщать об ответах», turned off by their one-click unsubscribe: for every comment of
 * that address, and the mails to it not yet sent are cancelled. Ticking the box again on a new
 * comment asks again.
 */
@ApplicationScoped
@Transactional
public class Subscriptions {

  @Inject EntityManager em;
  @Inject Outbox outbox;

  /** In the caller's transaction; answers whether there was anything to turn off. */
  public boolean unsubscribe(long commentId) {
    List<?> rows =
        em.createNativeQuery("SELECT author_email FROM comments WHERE id = ?1")
            .setParameter(1, commentId)
            .getResultList();
    if (rows.isEmpty()) return false;
    String email = (String) rows.get(0);
    int changed =
        email == null
            ? em.createNativeQuery("UPDATE comments SET notify_replies = FALSE WHERE id = ?1")
                .setParameter(1, commentId)
                .executeUpdate()
            : em.createNativeQuery(
                    "UPDATE comments SET notify_replies = FALSE"
                        + " WHERE notify_replies = TRUE AND (id = ?1 OR LOWER(author_email) = ?2)")
                .setParameter(1, commentId)
                .setParameter(2, email.strip().toLowerCase(java.util.Locale.ROOT))
                .executeUpdate();
    if (email != null) {
      outbox.cancelMailsTo(
          email, List.of(CommentNotifications.REPLY, CommentNotifications.DECIDED));
    }
    return changed > 0;
  }
}
