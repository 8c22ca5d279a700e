package dev.commentmoderation.report.control;

import dev.commentmoderation.article.control.Articles;
import dev.commentmoderation.comment.boundary.CommentNotFound;
import dev.commentmoderation.comment.entity.Comment;
import dev.commentmoderation.comment.entity.CommentDecided;
import dev.commentmoderation.comment.entity.CommentReported;
import dev.commentmoderation.comment.entity.CommentStatus;
import dev.commentmoderation.platform.Clocks;
import dev.commentmoderation.queue.boundary.StaleDecision;
import dev.commentmoderation.queue.control.AuditLog;
import dev.commentmoderation.report.boundary.NoOpenReports;
import dev.commentmoderation.report.entity.Report;
import dev.commentmoderation.report.entity.ReportReason;
import dev.commentmoderation.platform.web.Throttle;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reports and their dismissal. A report locks the comment's row, so concurrent reports on one
 * comment are counted one after the other and the threshold is crossed exactly once.
 */
@ApplicationScoped
public class Reports {

  public static final String READER = "reader";

  @PersistenceContext EntityManager em;
  @Inject Articles articles;
  @Inject AuditLog audit;
  @Inject Event<CommentReported> reported;
  @Inject Event<CommentDecided> decided;
  @Inject Clock clock;

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

  /** Empty when the client may report now, else how long to wait. */
  public Optional<Duration> admit(String clientHash) {
    return throttle.take(clientHash);
  }

  /** True when counted; false for a reader's repeat (accepted, not counted again). */
  public boolean report(long commentId, String clientHash, ReportReason reason, String note) {
    Comment comment = em.find(Comment.class, commentId, LockModeType.PESSIMISTIC_WRITE);
    if (comment == null || !comment.isApproved()) throw new CommentNotFound();
    long mine =
        em.createQuery(
                "select count(r) from Report r where r.commentId = :comment and r.clientHash = :client", Long.class)
            .setParameter("comment", commentId)
            .setParameter("client", clientHash)
            .getSingleResult();
    if (mine > 0) return false;
    OffsetDateTime now = Clocks.now(clock);
    em.persist(new Report(commentId, clientHash, reason.code(), note, now));
    audit.record(commentId, READER, "REPORTED", comment.status(), comment.status(), reason.code());
    em.flush();
    long open = openCount(commentId);
    boolean heldAgain = open >= threshold(comment.articleId());
    if (heldAgain) {
      comment.heldForReports();
      em.flush();
      audit.record(commentId, READER, "HELD_FOR_REPORTS", CommentStatus.APPROVED, CommentStatus.PENDING,
          open + " open reports");
    }
    em.flush();
    reported.fire(new CommentReported(commentId, comment.articleId(), open, heldAgain, comment.version()));
    return true;
  }

  int threshold(String articleId) {
    Integer own = articles.policy(articleId).reportThreshold();
    return own != null && own > 0 ? own : defaultThreshold;
  }

  private long openCount(long commentId) {
    return em.createQuery(
            "select count(r) from Report r where r.commentId = :comment and r.dismissedAt is null", Long.class)
        .setParameter("comment", commentId)
        .getSingleResult();
  }

  /** A moderator finds the reports unfounded: they are closed and a held comment is published again. */
  public Comment dismiss(long commentId, int seenVersion, String actor, String reason) {
    Comment comment = em.find(Comment.class, commentId);
    if (comment == null) throw new CommentNotFound();
    if (comment.version() != seenVersion) throw new StaleDecision(comment.version());
    List<Report> open = open(List.of(commentId)).getOrDefault(commentId, List.of());
    if (open.isEmpty()) throw new NoOpenReports();
    OffsetDateTime now = Clocks.now(clock);
    open.forEach(r -> r.dismiss(actor, now));
    CommentStatus from = comment.status();
    if (from == CommentStatus.PENDING) {
      comment.decide(CommentStatus.APPROVED, now);
    }
    try {
      em.flush();
    } catch (OptimisticLockException e) {
      throw new StaleDecision(seenVersion + 1);
    }
    String why = open.size() + " reports dismissed" + (reason == null || reason.isBlank() ? "" : ": " + reason);
    audit.record(commentId, actor, "REPORTS_DISMISSED", from, comment.status(), why.length() > 1000 ? why.substring(0, 1000) : why);
    if (from != comment.status()) {
      decided.fire(new CommentDecided(commentId, comment.articleId(), from, comment.status(), actor, comment.version()));
    }
    return comment;
  }

  /**
   * A moderator's decision answers the readers' reports too: they are closed with it, so that an
   * approved comment does not go straight back to the queue with the next report.
   */
  void decided(@Observes CommentDecided event) {
    if (event.to() == CommentStatus.PENDING) return;
    OffsetDateTime now = Clocks.now(clock);
    open(List.of(event.commentId())).getOrDefault(event.commentId(), List.of()).forEach(r -> r.dismiss(event.actor(), now));
  }

  /** The open reports of some comments, oldest first, by comment id. */
  public Map<Long, List<Report>> open(Collection<Long> commentIds) {
    if (commentIds.isEmpty()) return Map.of();
    return em.createQuery(
            "select r from Report r where r.commentId in :ids and r.dismissedAt is null order by r.createdAt, r.id",
            Report.class)
        .setParameter("ids", commentIds)
        .getResultList()
        .stream()
        .collect(Collectors.groupingBy(Report::commentId));
  }
}
