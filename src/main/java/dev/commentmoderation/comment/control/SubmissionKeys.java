package dev.commentmoderation.comment.control;

import dev.commentmoderation.comment.control.CommentSubmission.Submitted;
import dev.commentmoderation.comment.entity.Comment;
import dev.commentmoderation.comment.entity.VerdictJson;
import dev.commentmoderation.platform.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The {@code Idempotency-Key} of submissions: the key a client sent is claimed in the transaction
 * that stores its comment ({@code submission_key}, unique per client and key), so that a retry — on
 * this instance or another, after a {@code 503} or a lost answer — is answered with the comment the
 * first attempt stored instead of storing a second one. {@link BatchLocks} makes two batches
 * claiming one key take turns, so the claim never waits on a row in flight.
 */
@ApplicationScoped
@Transactional
public class SubmissionKeys {

  /** How long a key is remembered. */
  static final java.time.Duration KEPT = java.time.Duration.ofHours(24);

  @Inject EntityManager em;

  /** The key was sent before with another comment (another article or text). */
  public static final class KeyReused extends ProblemException {
    public KeyReused() {
      super(409, "idempotency.reused");
    }
  }

  /**
   * Claims the comment's key for {@code stored} (persisted, not yet flushed): empty when the key is
   * new (or there is none), else what the first attempt stored, and {@code stored} must not be
   * written.
   */
  Optional<Submitted> claim(PreparedComment prepared, Comment stored) {
    var author = prepared.author();
    if (author.idempotencyKey() == null || author.clientHash() == null) return Optional.empty();
    int claimed =
        em.createNativeQuery(
                "INSERT INTO submission_key (client_hash, idem_key, comment_id, created_at)"
                    + " VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING")
            .setFlushMode(FlushModeType.COMMIT)
            .setParameter(1, author.clientHash())
            .setParameter(2, author.idempotencyKey())
            .setParameter(3, stored.id())
            .setParameter(4, prepared.createdAt())
            .executeUpdate();
    if (claimed == 1) return Optional.empty();
    Number first =
        (Number)
            em.createNativeQuery(
                    "SELECT comment_id FROM submission_key WHERE client_hash = ?1 AND idem_key = ?2")
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter(1, author.clientHash())
                .setParameter(2, author.idempotencyKey())
                .getSingleResult();
    Comment original = em.find(Comment.class, first.longValue());
    if (original == null
        || !original.articleId().equals(prepared.articleId())
        || !CommentSubmission.bodyHash(original.body()).equals(prepared.bodyHash())) {
      throw new KeyReused();
    }
    return Optional.of(new Submitted(original, VerdictJson.read(original.verdictJson()), true));
  }

  /** Forgets keys older than {@link #KEPT}. */
  @Transactional
  public int forgetOld(OffsetDateTime now) {
    return em.createNativeQuery("DELETE FROM submission_key WHERE created_at < ?1")
        .setParameter(1, now.minus(KEPT))
        .executeUpdate();
  }
}
