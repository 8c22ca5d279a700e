package dev.commentmoderation.queue.boundary;

import dev.commentmoderation.comment.control.Decisions;
import dev.commentmoderation.comment.entity.Comment;
import dev.commentmoderation.comment.entity.CommentId;
import dev.commentmoderation.comment.entity.CommentStatus;
import dev.commentmoderation.security.entity.Moderator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The transaction edge of a bulk decision: each item commits or fails on its own, so a stale item
 * does not undo the others. A bean of its own because the transaction interceptor only applies to
 * calls from outside.
 */
@ApplicationScoped
public class SeparateDecisions {

  @Inject Decisions decisions;
  @Inject EntityManager em;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Comment decide(
      CommentId commentId, int version, CommentStatus to, Moderator by, String reason) {
    return decisions.decide(commentId, version, to, by, reason);
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Comment current(CommentId commentId) {
    return em.find(Comment.class, commentId.value());
  }
}
