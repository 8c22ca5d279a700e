package dev.commentmoderation.audit.boundary;

import dev.commentmoderation.audit.entity.AuditEntry;
import java.time.Instant;
import java.util.List;

public record AuditRecord(
    String commentId,
    String actor,
    String action,
    String fromStatus,
    String toStatus,
    String reason,
    Instant at,
    String subject) {

  public record Page(List<AuditRecord> items) {}

  public static AuditRecord of(AuditEntry e) {
    return new AuditRecord(
        e.commentId() == null ? null : String.valueOf(e.commentId()),
        e.actor(),
        e.action(),
        e.fromStatus(),
        e.toStatus(),
        e.reason(),
        e.at().toInstant(),
        e.subject());
  }
}
