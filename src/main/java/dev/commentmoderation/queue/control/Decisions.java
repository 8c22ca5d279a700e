package dev.commentmoderation.queue.control;

import dev.commentmoderation.comment.boundary.CommentNotFound;
import dev.commentmoderation.comment.entity.Comment;
import dev.commentmoderation.comment.entity.CommentDecided;
import dev.commentmoderation.comment.entity.CommentStatus;
import dev.commentmoderation.platform.Clocks;
import dev.commentmoderation.queue.boundary.ReversalNotAllowed;
import dev.commentmoderation.queue.boundary.StaleDecision;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;

/**
 * A moderator's decision on one comment. The version the moderator saw must still be current, and
 * the update itself is conditional on it, so of two racing decisions exactly one commits; the
 * audit entry is written in the same transaction.
 */
@ApplicationScoped
public class Decisions {

  @PersistenceContext EntityManager em;
  @Inject AuditLog audit;
  @Inject Event<CommentDecided> decided;
  @Inject Clock clock;

  public Comment decide(
      long commentId, int seenVersion, CommentStatus to, String actor, boolean admin, String reason) {
    Comment comment = em.find(Comment.class, commentId);
    if (comment == null) throw new CommentNotFound();
    if (comment.version() != seenVersion) throw new StaleDecision(comment.version());
    CommentStatus from = comment.status();
    if (from == to) return comment;
    if (from != CommentStatus.PENDING && !admin) throw new ReversalNotAllowed();
    comment.decide(to, Clocks.now(clock));
    try {
      em.flush();
    } catch (OptimisticLockException e) {
      throw new StaleDecision(seenVersion + 1);
    }
    String action = from == CommentStatus.PENDING ? to.name() : "REVERSED";
    audit.record(commentId, actor, action, from, to, reason);
    decided.fire(new CommentDecided(commentId, comment.articleId(), from, to, actor, comment.version()));
    return comment;
  }
}
