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
    int updated =
        em.createQuery(
                "update Comment c set c.claimedBy = :me, c.claimedUntil = :until where c.id = :id"
                    + " and (c.claimedBy is null or c.claimedBy = :me or c.claimedUntil < :now)")
            .setParameter("me", actor)
            .setParameter("until", now.plus(Duration.ofMinutes(minutes)))
            .setParameter("id", commentId)
            .setParameter("now", now)
            .executeUpdate();
    Comment comment = fresh(commentId);
    if (updated == 0) throw new AlreadyClaimed(comment.claimedBy(), comment.claimedUntil().toInstant().toString());
    return comment;
  }

  /** Releases one's own claim; an admin may release anyone's. */
  public Comment release(long commentId, String actor, boolean admin) {
    var update =
        em.createQuery(
                "update Comment c set c.claimedBy = null, c.claimedUntil = null where c.id = :id"
                    + (admin ? "" : " and c.claimedBy = :me"))
            .setParameter("id", commentId);
    if (!admin) update.setParameter("me", actor);
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
