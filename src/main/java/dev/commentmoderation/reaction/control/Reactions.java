package dev.commentmoderation.reaction.control;

import dev.commentmoderation.comment.entity.Comment;
import dev.commentmoderation.comment.entity.CommentId;
import dev.commentmoderation.comment.entity.CommentNotFound;
import dev.commentmoderation.comment.entity.ThreadChanged;
import dev.commentmoderation.platform.Clocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * A reader's reaction to a published comment, at most one of a kind per reader: the row's primary
 * key makes a second like change nothing, and the comment's {@code likes} moves only with a row
 * inserted or deleted, by an update that leaves the moderators' {@code version} alone. A changed
 * count changes the thread's content (and so its ETag): {@link ThreadChanged} drops the cached
 * pages on every instance. Call inside a transaction.
 */
@ApplicationScoped
@Transactional
public class Reactions {

  @Inject EntityManager em;
  @Inject Event<ThreadChanged> threadChanged;
  @Inject Clock clock;

  /** Adds the reader's reaction; the comment's likes after it. */
  public int add(CommentId id, ReactionKind kind, String readerKey) {
    Comment comment = published(id);
    int added =
        em.createNativeQuery(
                "INSERT INTO reaction (comment_id, kind, reader_key, created_at)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
            .setParameter(1, id.value())
            .setParameter(2, kind.key())
            .setParameter(3, readerKey)
            .setParameter(4, Clocks.now(clock))
            .executeUpdate();
    return counted(comment, added);
  }

  /** Takes the reader's reaction back (nothing when there was none); the likes after it. */
  public int remove(CommentId id, ReactionKind kind, String readerKey) {
    Comment comment = published(id);
    int removed =
        em.createNativeQuery(
                "DELETE FROM reaction WHERE comment_id = ? AND kind = ? AND reader_key = ?")
            .setParameter(1, id.value())
            .setParameter(2, kind.key())
            .setParameter(3, readerKey)
            .executeUpdate();
    return counted(comment, -removed);
  }

  private Comment published(CommentId id) {
    // no lock: a like that lands on a comment leaving the thread at that moment counts on a comment
    // nobody sees, which is harmless; the count's own update serialises concurrent likes
    Comment comment = em.find(Comment.class, id.value());
    if (comment == null || !comment.isApproved()) throw new CommentNotFound();
    return comment;
  }

  private int counted(Comment comment, int delta) {
    if (delta != 0) {
      em.createNativeQuery("UPDATE comments SET likes = likes + ? WHERE id = ?")
          .setParameter(1, delta)
          .setParameter(2, comment.id())
          .executeUpdate();
      threadChanged.fire(new ThreadChanged(comment.articleId()));
    }
    return ((Number)
            em.createNativeQuery("SELECT likes FROM comments WHERE id = ?")
                .setParameter(1, comment.id())
                .getSingleResult())
        .intValue();
  }
}
