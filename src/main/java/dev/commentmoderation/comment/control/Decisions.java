package dev.commentmoderation.comment.control;

import dev.commentmoderation.audit.control.AuditLog;
import dev.commentmoderation.audit.entity.AuditAction;
import dev.commentmoderation.comment.entity.Comment;
import dev.commentmoderation.comment.entity.CommentDecided;
import dev.commentmoderation.comment.entity.CommentId;
import dev.commentmoderation.comment.entity.CommentNotFound;
import dev.commentmoderation.comment.entity.CommentStatus;
import dev.commentmoderation.comment.entity.StaleDecision;
import dev.commentmoderation.platform.Clocks;
import dev.commentmoderation.security.entity.Moderator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * Every moderator's decision on a comment, one at a time, in bulk or on its reports: the comment
 * changes itself at the version the moderator saw, the update is conditional on that version (so of
 * two racing decisions exactly one commits, the other is {@link StaleDecision}), and the audit
 * entry and the {@link CommentDecided} event join the same transaction.
 */
@ApplicationScoped
@Transactional
public class Decisions {

  @Inject EntityManager em;
  @Inject AuditLog audit;
  @Inject Event<CommentDecided> decided;
  @Inject Clock clock;

  /** Approves or rejects (an admin also reverses a decision). */
  public Comment decide(
      CommentId id, int seenVersion, CommentStatus to, Moderator by, String reason) {
    Comment comment = find(id);
    CommentStatus from = comment.decide(to, seenVersion, by, Clocks.now(clock));
    if (from == to) return comment;
    flush(seenVersion);
    AuditAction action =
        from == CommentStatus.PENDING ? AuditAction.valueOf(to.name()) : AuditAction.REVERSED;
    return recorded(comment, from, action, by, reason);
  }

  /**
   * The readers' reports are dismissed (their owner closes them in the same transaction): a comment
   * held for them is published again. Audited even when the comment stays published.
   */
  public Comment reportsDismissed(CommentId id, int seenVersion, Moderator by, String reason) {
    Comment comment = find(id);
    CommentStatus from = comment.reportsDismissed(seenVersion, Clocks.now(clock));
    flush(seenVersion);
    return recorded(comment, from, AuditAction.REPORTS_DISMISSED, by, reason);
  }

  /** The comment as a decision would find it; refuses an unknown comment or a stale version. */
  public Comment current(CommentId id, int seenVersion) {
    Comment comment = find(id);
    if (comment.version() != seenVersion) throw new StaleDecision(comment.version());
    return comment;
  }

  private Comment find(CommentId id) {
    Comment comment = em.find(Comment.class, id.value());
    if (comment == null) throw new CommentNotFound();
    return comment;
  }

  private void flush(int seenVersion) {
    try {
      em.flush();
    } catch (OptimisticLockException e) {
      throw new StaleDecision(seenVersion + 1);
    }
  }

  private Comment recorded(
      Comment comment, CommentStatus from, AuditAction action, Moderator by, String reason) {
    audit.record(comment.id(), by.name(), action, from, comment.status(), reason);
    if (from != comment.status()) {
      decided.fire(
          new CommentDecided(
              comment.commentId(),
              comment.article(),
              from,
              comment.status(),
              by,
              comment.version()));
    }
    return comment;
  }
}
