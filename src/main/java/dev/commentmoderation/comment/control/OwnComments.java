package dev.commentmoderation.comment.control;

import dev.commentmoderation.audit.control.AuditLog;
import dev.commentmoderation.audit.entity.AuditAction;
import dev.commentmoderation.comment.control.CommentSubmission.Submitted;
import dev.commentmoderation.comment.entity.Comment;
import dev.commentmoderation.comment.entity.CommentDeleted;
import dev.commentmoderation.comment.entity.CommentId;
import dev.commentmoderation.comment.entity.CommentNotFound;
import dev.commentmoderation.comment.entity.CommentStatus;
import dev.commentmoderation.comment.entity.EditNotAllowed;
import dev.commentmoderation.comment.entity.ThreadChanged;
import dev.commentmoderation.platform.Clocks;
import dev.commentmoderation.platform.persistence.UnitOfWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A reader's own comment: edited within the edit window, deleted at any time, by its author only
 * (proved by the edit token). An edit is judged by the submission path itself ({@link
 * CommentSubmission#judge}), on the request thread and outside any transaction, then written by
 * {@link CommentRevisions} at the version it was judged at.
 */
@ApplicationScoped
public class OwnComments {

  @Inject EntityManager em;
  @Inject UnitOfWork work;
  @Inject CommentSubmission submission;
  @Inject CommentRevisions revisions;
  @Inject AuditLog audit;
  @Inject Event<CommentDeleted> deleted;
  @Inject Event<ThreadChanged> threadChanged;
  @Inject Clock clock;

  /** Minutes, fractions allowed (a test may use a window of seconds). */
  @Inject
  @ConfigProperty(name = "comments.edit.window.minutes", defaultValue = "15")
  String windowMinutes;

  private record Stored(Comment comment, Comment parent) {}

  /** The author's new text, judged as a submission; the answer is as for one. */
  public Submitted edit(CommentId id, Authorship authorship, String rawBody, Locale language) {
    // the comment and its parent read in one short transaction: the judging that follows holds none
    Stored read =
        work.call(
            () -> {
              Comment c = authored(id, authorship);
              return new Stored(
                  c, c.parentId() == null ? null : em.find(Comment.class, c.parentId()));
            });
    Comment comment = read.comment();
    Comment parent = read.parent();
    requireWindow(comment);
    if (comment.status() == CommentStatus.REJECTED && comment.decidedAt() != null)
      throw new EditNotAllowed();
    String body = rawBody.strip();
    var author =
        new CommentSubmission.Author(
            comment.authorName(),
            comment.authorEmail(),
            comment.clientHash(),
            comment.readerId(),
            false,
            null,
            null);
    PreparedComment judged = submission.judge(comment.articleId(), parent, author, body, language);
    return revisions.apply(
        id, comment.version(), authorship, judged, window(), windowMinutes.strip());
  }

  /**
   * Removes the comment from the thread and the queue (a placeholder stays while it has approved
   * replies). Call inside a transaction.
   */
  public void delete(CommentId id, Authorship authorship) {
    Comment comment = authored(id, authorship);
    CommentStatus from = comment.authorDeleted();
    em.flush();
    audit.record(comment.id(), AuditLog.READER, AuditAction.DELETED, from, comment.status(), null);
    deleted.fire(new CommentDeleted(comment.commentId(), comment.article(), from));
    if (from == CommentStatus.APPROVED) threadChanged.fire(new ThreadChanged(comment.articleId()));
  }

  private Comment authored(CommentId id, Authorship authorship) {
    Comment comment = em.find(Comment.class, id.value());
    if (comment == null || comment.isDeleted()) throw new CommentNotFound();
    if (!authorship.proves(comment)) throw new NotTheAuthor();
    return comment;
  }

  private void requireWindow(Comment comment) {
    if (!withinWindow(comment.createdAt(), Clocks.now(clock), window()))
      throw new EditWindowPassed(windowMinutes.strip());
  }

  Duration window() {
    BigDecimal minutes = new BigDecimal(windowMinutes.strip());
    return Duration.ofMillis(minutes.multiply(BigDecimal.valueOf(60_000)).longValue());
  }

  static boolean withinWindow(OffsetDateTime created, OffsetDateTime now, Duration window) {
    return !now.isAfter(created.plus(window));
  }
}
