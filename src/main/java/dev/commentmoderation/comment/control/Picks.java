package dev.commentmoderation.comment.control;

import dev.commentmoderation.audit.control.AuditLog;
import dev.commentmoderation.audit.entity.AuditAction;
import dev.commentmoderation.comment.entity.Comment;
import dev.commentmoderation.comment.entity.CommentFeatured;
import dev.commentmoderation.comment.entity.CommentId;
import dev.commentmoderation.comment.entity.CommentNotFound;
import dev.commentmoderation.comment.entity.ThreadChanged;
import dev.commentmoderation.security.entity.Moderator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Editor's picks: a moderator features a published comment or takes that back, audited; the thread
 * shows the mark on every instance after the commit. Repeating either changes nothing and records
 * nothing. Call inside a transaction.
 */
@ApplicationScoped
@Transactional
public class Picks {

  @Inject EntityManager em;
  @Inject AuditLog audit;
  @Inject Event<CommentFeatured> featured;
  @Inject Event<ThreadChanged> threadChanged;

  public Comment feature(CommentId id, boolean on, Moderator by) {
    Comment comment = em.find(Comment.class, id.value());
    if (comment == null || comment.isDeleted()) throw new CommentNotFound();
    boolean changed = on ? comment.feature() : comment.unfeature();
    if (!changed) return comment;
    em.flush();
    audit.record(
        comment.id(),
        by.name(),
        on ? AuditAction.FEATURED : AuditAction.UNFEATURED,
        comment.status(),
        comment.status(),
        null);
    featured.fire(new CommentFeatured(comment.commentId(), comment.article(), on));
    threadChanged.fire(new ThreadChanged(comment.articleId()));
    return comment;
  }
}
