package dev.commentmoderation.queue.control;

import dev.commentmoderation.comment.boundary.CommentNotFound;
import dev.commentmoderation.comment.entity.Comment;
import dev.commentmoderation.platform.Clocks;
import dev.commentmoderation.queue.boundary.AlreadyClaimed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Advisory claims ("I am looking at this one"), kept in the comment's row so that every instance
 * sees them, and expiring on their own. Written by conditional updates that leave the comment's
 * version alone: claiming must not make the version a moderator saw stale.
 */
@ApplicationScoped
public class Claims {

  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "comments.claims.minutes", defaultValue = "5")
  int minutes;

  public Comment claim(long commentId, String actor) {
    OffsetDateTime now = Clocks.now(clock);
    // native SQL: a JPQL bulk update would increment the comment's version
    int updated =
        em.createNativeQuery(
                "UPDATE comments SET claimed_by = ?, claimed_until = ? WHERE id = ?"
                    + " AND (claimed_by IS NULL OR claimed_by = ? OR claimed_until < ?)")
            .setParameter(1, actor)
            .setParameter(2, now.plus(Duration.ofMinutes(minutes)))
            .setParameter(3, commentId)
            .setParameter(4, actor)
            .setParameter(5, now)
            .executeUpdate();
    Comment comment = fresh(commentId);
    if (updated == 0) throw new AlreadyClaimed(comment.claimedBy(), comment.claimedUntil().toInstant().toString());
    return comment;
  }

  /** Releases one's own claim; an admin may release anyone's. */
  public Comment release(long commentId, String actor, boolean admin) {
    var update =
        em.createNativeQuery(
                "UPDATE comments SET claimed_by = NULL, claimed_until = NULL WHERE id = ?"
                    + (admin ? "" : " AND claimed_by = ?"))
            .setParameter(1, commentId);
    if (!admin) update.setParameter(2, actor);
    update.executeUpdate();
    return fresh(commentId);
  }

  private Comment fresh(long commentId) {
    Comment comment = em.find(Comment.class, commentId);
    if (comment == null) throw new CommentNotFound();
    em.refresh(comment);
    return comment;
  }
}
