package dev.commentmoderation.queue.boundary;

import dev.commentmoderation.comment.entity.Comment;
import dev.commentmoderation.comment.entity.CommentStatus;
import dev.commentmoderation.comment.entity.VerdictJson;
import dev.commentmoderation.engine.Verdict;
import dev.commentmoderation.report.boundary.ReportView;
import dev.commentmoderation.report.entity.Report;
import java.time.Instant;
import java.util.List;

/**
 * A comment as a moderator sees it: everything but the client hash, with the engine's verdict, the
 * readers' open reports, who has claimed it (until when) and whether it is an editor's pick.
 */
public record QueueItem(
    String id,
    String articleId,
    String parentId,
    String authorName,
    String authorEmail,
    String body,
    CommentStatus status,
    Instant createdAt,
    int version,
    Verdict verdict,
    int severity,
    String claimedBy,
    Instant claimedUntil,
    int reportCount,
    List<ReportView> reports,
    boolean featured,
    boolean verified) {

  public QueueItem {
    reports = List.copyOf(reports);
  }

  public static QueueItem of(Comment c) {
    return of(c, List.of());
  }

  public static QueueItem of(Comment c, List<Report> openReports) {
    return new QueueItem(
        String.valueOf(c.id()),
        c.articleId(),
        c.parentId() == null ? null : String.valueOf(c.parentId()),
        c.authorName(),
        c.authorEmail(),
        c.body(),
        c.status(),
        c.createdAt().toInstant(),
        c.version(),
        VerdictJson.read(c.verdictJson()),
        c.severity(),
        c.claimedBy(),
        c.claimedUntil() == null ? null : c.claimedUntil().toInstant(),
        openReports.size(),
        openReports.stream().map(ReportView::of).toList(),
        c.featured(),
        c.readerId() != null);
  }
}
