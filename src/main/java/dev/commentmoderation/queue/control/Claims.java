package dev.commentmoderation.queue.control;

import dev.commentmoderation.comment.entity.Comment;
import dev.commentmoderation.comment.entity.CommentClaim;
import dev.commentmoderation.comment.entity.CommentId;
import dev.commentmoderation.comment.entity.CommentNotFound;
import dev.commentmoderation.platform.Clocks;
import dev.commentmoderation.security.entity.Moderator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Advisory claims ("I am looking at this one"). The row is locked while the claim is read and
 * written, so of two moderators claiming at once one wins and the other is refused; the claim is
 * written through {@link CommentClaim}, which leaves the comment's version alone.
 */
@ApplicationScoped
@Transactional
public class Claims {

  @Inject EntityManager em;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "comments.claims.minutes", defaultValue = "5")
  int minutes;

  public Comment claim(CommentId id, Moderator by) {
    locked(id).claim(by, Clocks.now(clock), Duration.ofMinutes(minutes));
    return fresh(id);
  }

  public Comment release(CommentId id, Moderator by) {
    locked(id).release(by);
    return fresh(id);
  }

  private CommentClaim locked(CommentId id) {
    CommentClaim claim = em.find(CommentClaim.class, id.value(), LockModeType.PESSIMISTIC_WRITE);
    if (claim == null) throw new CommentNotFound();
    return claim;
  }

  private Comment fresh(CommentId id) {
    em.flush();
    Comment comment = em.find(Comment.class, id.value());
    if (comment == null) throw new CommentNotFound();
    em.refresh(comment);
    return comment;
  }
}
