package dev.commentmoderation.data.entity;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Everything stored about one reader: their comments, the reports sent from their clients, the
 * sanctions naming them, and the audit entries that mention them.
 */
public record ReaderData(
    List<CommentRecord> comments,
    List<ReportRecord> reports,
    List<SanctionRecord> sanctions,
    List<AuditRecord> auditEntries) {

  public ReaderData {
    comments = List.copyOf(comments);
    reports = List.copyOf(reports);
    sanctions = List.copyOf(sanctions);
    auditEntries = List.copyOf(auditEntries);
  }

  public record CommentRecord(
      String id,
      String articleId,
      String parentId,
      String authorName,
      String authorEmail,
      String body,
      String status,
      OffsetDateTime createdAt,
      OffsetDateTime decidedAt,
      boolean clientRecorded,
      String sourceId) {}

  public record ReportRecord(
      String id, String commentId, String reason, String note, OffsetDateTime createdAt) {}

  public record SanctionRecord(
      String id,
      String kind,
      String authorName,
      String authorEmail,
      boolean clientRecorded,
      OffsetDateTime until,
      String reason,
      OffsetDateTime createdAt,
      OffsetDateTime liftedAt) {}

  public record AuditRecord(
      String id,
      String commentId,
      String subject,
      String actor,
      String action,
      String fromStatus,
      String toStatus,
      String reason,
      OffsetDateTime at) {}

  /** What an erasure changed, by kind; {@code elsewhere}: other rows still holding the e-mail. */
  public record Erased(
      long comments, long reports, long sanctions, long auditEntries, long elsewhere) {}
}
