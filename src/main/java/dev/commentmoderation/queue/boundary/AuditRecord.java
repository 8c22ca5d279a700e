package dev.commentmoderation.queue.boundary;

import dev.commentmoderation.comment.entity.CommentStatus;
import dev.commentmoderation.queue.entity.AuditEntry;
import java.time.Instant;
import java.util.List;

public record AuditRecord(
    String commentId, String actor, String action, CommentStatus fromStatus, CommentStatus toStatus,
    String reason, Instant at, String subject) {

  public record Page(List<AuditRecord> items) {}

  public static AuditRecord of(AuditEntry e) {
    return new AuditRecord(
        e.commentId() == null ? null : String.valueOf(e.commentId()),
        e.actor(), e.action(), e.fromStatus(), e.toStatus(), e.reason(), e.at().toInstant(),
        e.subject());
  }
}
