package dev.commentmoderation.comment.control;

import dev.commentmoderation.audit.control.AuditLog;
import dev.commentmoderation.audit.entity.AuditAction;
import dev.commentmoderation.comment.control.CommentSubmission.Submitted;
import dev.commentmoderation.comment.entity.Comment;
import dev.commentmoderation.comment.entity.CommentEdited;
import dev.commentmoderation.comment.entity.CommentId;
import dev.commentmoderation.comment.entity.CommentNotFound;
import dev.commentmoderation.comment.entity.CommentRevision;
import dev.commentmoderation.comment.entity.CommentStatus;
import dev.commentmoderation.comment.entity.ThreadChanged;
import dev.commentmoderation.engine.Match;
import dev.commentmoderation.platform.Clocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Writes a judged edit in one transaction: the comment takes the new text and verdict at the
 * version it was judged at (else {@link EditConflict}), the revision keeps both texts, the audit
 * entry names it, and {@link CommentEdited} (and {@link ThreadChanged} when the public thread
 * changes) join the transaction, so caches on every instance and the dashboards learn of it on
 * commit.
 */
@ApplicationScoped
public class CommentRevisions {

  @Inject EntityManager em;
  @Inject CommentStore store;
  @Inject AuditLog audit;
  @Inject Event<CommentEdited> edited;
  @Inject Event<ThreadChanged> threadChanged;
  @Inject Clock clock;

  @Transactional
  public Submitted apply(
      CommentId id,
      int judgedAtVersion,
      Authorship authorship,
      PreparedComment judged,
      Duration window,
      String windowText) {
    Comment comment = em.find(Comment.class, id.value());
    if (comment == null || comment.isDeleted()) throw new CommentNotFound();
    if (!authorship.proves(comment)) throw new NotTheAuthor();
    if (comment.version() != judgedAtVersion) throw new EditConflict();
    OffsetDateTime now = Clocks.now(clock);
    if (!OwnComments.withinWindow(comment.createdAt(), now, window))
      throw new EditWindowPassed(windowText);
    // a new text may repeat what this author sent lately; the old one is the comment itself
    PreparedComment verdict =
        judged.bodyHash().equals(commentHash(comment))
            ? judged
            : store.duplicatesJudged(List.of(judged)).get(0);
    String before = comment.body();
    Match strongest = verdict.strongest();
    CommentStatus from =
        comment.edited(
            verdict.body(),
            verdict.bodyHash(),
            verdict.verdict().decision(),
            verdict.verdictJson(),
            verdict.verdict().ruleSetVersion(),
            strongest == null ? null : strongest.category(),
            strongest == null ? null : strongest.rule(),
            verdict.problems(),
            now);
    try {
      em.flush();
    } catch (OptimisticLockException e) {
      throw new EditConflict();
    }
    CommentRevision revision =
        new CommentRevision(comment.id(), before, comment.body(), from, comment.status(), now);
    em.persist(revision);
    em.flush();
    audit.record(
        comment.id(),
        AuditLog.READER,
        AuditAction.EDITED,
        from,
        comment.status(),
        "revision " + revision.id() + "; text before: " + before);
    edited.fire(
        new CommentEdited(
            comment.commentId(), comment.article(), from, comment.status(), comment.version()));
    if (from == CommentStatus.APPROVED || comment.isApproved()) {
      threadChanged.fire(new ThreadChanged(comment.articleId()));
    }
    return new Submitted(comment, verdict.verdict());
  }

  private static String commentHash(Comment comment) {
    return CommentSubmission.bodyHash(comment.body());
  }
}
