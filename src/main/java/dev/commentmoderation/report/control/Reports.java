package dev.commentmoderation.report.control;

import dev.commentmoderation.article.control.Articles;
import dev.commentmoderation.article.entity.ArticleId;
import dev.commentmoderation.audit.control.AuditLog;
import dev.commentmoderation.audit.entity.AuditAction;
import dev.commentmoderation.comment.control.Decisions;
import dev.commentmoderation.comment.entity.Comment;
import dev.commentmoderation.comment.entity.CommentDecided;
import dev.commentmoderation.comment.entity.CommentId;
import dev.commentmoderation.comment.entity.CommentNotFound;
import dev.commentmoderation.comment.entity.CommentReported;
import dev.commentmoderation.comment.entity.CommentStatus;
import dev.commentmoderation.platform.Clocks;
import dev.commentmoderation.platform.web.SharedBudgets;
import dev.commentmoderation.platform.web.Throttle;
import dev.commentmoderation.reader.entity.Caller;
import dev.commentmoderation.report.entity.Report;
import dev.commentmoderation.report.entity.ReportReason;
import dev.commentmoderation.security.entity.Moderator;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reports and their dismissal. A report locks the comment's row, so concurrent reports on one
 * comment are counted one after the other and the threshold is crossed exactly once.
 */
@ApplicationScoped
@Transactional
public class Reports {

  @Inject EntityManager em;
  @Inject Articles articles;
  @Inject AuditLog audit;
  @Inject Decisions decisions;
  @Inject Event<CommentReported> reported;
  @Inject Clock clock;
  @Inject SharedBudgets shared;

  @Inject
  @ConfigProperty(name = "comments.reports.threshold", defaultValue = "3")
  int defaultThreshold;

  @Inject
  @ConfigProperty(name = "comments.reports.per.client.per.hour", defaultValue = "30")
  int perClientPerHour;

  private Throttle throttle;

  @PostConstruct
  void limits() {
    throttle = new Throttle(perClientPerHour, Duration.ofHours(1));
  }

  /**
   * Empty when the client may report now, else how long to wait: this instance's bucket, then the
   * one every instance shares.
   */
  public Optional<Duration> admit(String clientHash) {
    return throttle
        .take(clientHash)
        .or(
            () ->
                shared.take(
                    "report", clientHash, perClientPerHour, perClientPerHour, Duration.ofHours(1)));
  }

  /**
   * An anonymous client's report (see {@link #report(CommentId, Caller, ReportReason, String)}).
   */
  public boolean report(CommentId id, String clientHash, ReportReason reason, String note) {
    return report(id, Caller.anonymous(clientHash), reason, note);
  }

  /**
   * True when counted; false for a repeat (accepted, not counted again). Each reporter counts once
   * per comment, ever, dismissed reports included: a comment a moderator kept goes back to the
   * queue only on reports of others. A reporter is the signed-in reader (from any address), else
   * the client (its address, an IPv6 one by its /64); an anonymous report also repeats any earlier
   * report from the same client, so signing in and out does not count twice.
   */
  public boolean report(CommentId id, Caller caller, ReportReason reason, String note) {
    long commentId = id.value();
    Comment comment = em.find(Comment.class, commentId, LockModeType.PESSIMISTIC_WRITE);
    if (comment == null || !comment.isApproved()) throw new CommentNotFound();
    long mine =
        em.createQuery(
                "select count(r) from Report r where r.commentId = :comment and (r.reporter = :key"
                    + " or (r.clientHash = :client"
                    + (caller.signedIn() ? " and r.readerId is null))" : "))"),
                Long.class)
            .setParameter("comment", commentId)
            .setParameter("key", caller.key())
            .setParameter("client", caller.clientHash())
            .getSingleResult();
    if (mine > 0) return false;
    OffsetDateTime now = Clocks.now(clock);
    em.persist(
        new Report(
            commentId,
            caller.clientHash(),
            caller.readerId(),
            caller.key(),
            reason.code(),
            note,
            now));
    audit.record(
        commentId,
        AuditLog.READER,
        AuditAction.REPORTED,
        comment.status(),
        comment.status(),
        reason.code());
    em.flush();
    long open = openCount(commentId);
    boolean heldAgain = open >= threshold(comment.article());
    if (heldAgain) {
      comment.holdForReports();
      em.flush();
      audit.record(
          commentId,
          AuditLog.READER,
          AuditAction.HELD_FOR_REPORTS,
          CommentStatus.APPROVED,
          CommentStatus.PENDING,
          open + " open reports");
    }
    em.flush();
    reported.fire(new CommentReported(id, comment.article(), open, heldAgain, comment.version()));
    return true;
  }

  int threshold(ArticleId articleId) {
    Integer own = articles.policy(articleId).reportThreshold();
    return own != null && own > 0 ? own : defaultThreshold;
  }

  private long openCount(long commentId) {
    return em.createQuery(
            "select count(r) from Report r where r.commentId = :comment and r.dismissedAt is null",
            Long.class)
        .setParameter("comment", commentId)
        .getSingleResult();
  }

  /**
   * A moderator finds the reports unfounded at the version they saw: the reports are closed and
   * {@link Decisions} publishes a comment held for them again.
   */
  public Comment dismiss(CommentId id, int seenVersion, Moderator by, String reason) {
    decisions.current(id, seenVersion);
    List<Report> open = open(id);
    if (open.isEmpty()) throw new NoOpenReports();
    OffsetDateTime now = Clocks.now(clock);
    open.forEach(r -> r.dismiss(by.name(), now));
    String why =
        open.size()
            + " reports dismissed"
            + (reason == null || reason.isBlank() ? "" : ": " + reason);
    return decisions.reportsDismissed(id, seenVersion, by, why);
  }

  /**
   * A moderator's decision answers the readers' reports too: they are closed with it, so that an
   * approved comment does not go straight back to the queue with the next report.
   */
  void decided(@Observes CommentDecided event) {
    if (event.to() == CommentStatus.PENDING) return;
    OffsetDateTime now = Clocks.now(clock);
    open(event.commentId()).forEach(r -> r.dismiss(event.by().name(), now));
  }

  /** The open reports of a comment, oldest first. */
  public List<Report> open(CommentId commentId) {
    return open(List.of(commentId)).getOrDefault(commentId, List.of());
  }

  /** The open reports of some comments, oldest first, by comment. */
  public Map<CommentId, List<Report>> open(Collection<CommentId> commentIds) {
    if (commentIds.isEmpty()) return Map.of();
    return em
        .createQuery(
            "select r from Report r where r.commentId in :ids and r.dismissedAt is null order by r.createdAt, r.id",
            Report.class)
        .setParameter("ids", commentIds.stream().map(CommentId::value).toList())
        .getResultList()
        .stream()
        .collect(Collectors.groupingBy(r -> new CommentId(r.commentId())));
  }
}
