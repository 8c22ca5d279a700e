package dev.commentmoderation.comment.control;

import dev.commentmoderation.audit.control.AuditLog;
import dev.commentmoderation.audit.entity.AuditAction;
import dev.commentmoderation.comment.entity.CommentSubmitted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The engine's verdict is the first audit entry of every comment, in the submitting transaction.
 */
@ApplicationScoped
public class SubmissionAudit {

  @Inject AuditLog audit;

  void submitted(@Observes CommentSubmitted event) {
    audit.record(
        event.commentId().value(),
        AuditLog.ENGINE,
        AuditAction.SUBMITTED,
        null,
        event.status(),
        event.topCategory());
  }
}
