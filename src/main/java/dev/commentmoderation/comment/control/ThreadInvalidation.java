package dev.commentmoderation.comment.control;

import dev.commentmoderation.comment.entity.CommentDecided;
import dev.commentmoderation.comment.entity.CommentReported;
import dev.commentmoderation.comment.entity.CommentStatus;
import dev.commentmoderation.comment.entity.CommentSubmitted;
import dev.commentmoderation.comment.entity.ThreadChanged;
import dev.commentmoderation.platform.cluster.ClusterSignals;
import dev.commentmoderation.platform.cluster.Signal;
import dev.commentmoderation.platform.persistence.RoutingDataSource;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every change to what an article's public thread shows ends here: a comment submitted as approved,
 * a decision to or from approved, a comment held again by reports, or anything that fires {@link
 * ThreadChanged}. This instance's cache is invalidated after the commit; on PostgreSQL the other
 * instances learn of it by a NOTIFY issued inside the changing transaction, which PostgreSQL
 * delivers only if and when it commits.
 */
@ApplicationScoped
public class ThreadInvalidation {

  /**
   * The PostgreSQL channel; payload {@code "<instance> <articleId> [<articleId>...]"}, or by hand
   * {@code "<articleId>"} or {@code "*"}. Article ids hold no spaces.
   */
  public static final String CHANNEL = Signal.Channel.THREADS.channelName();

  /** PostgreSQL takes payloads shorter than 8000 bytes; article ids are ASCII. */
  static final int MAX_PAYLOAD = 7_900;

  /** Tells this instance's own notifications apart from the others'. */
  static final String INSTANCE =
      Long.toString(new java.security.SecureRandom().nextLong() & Long.MAX_VALUE, 36);

  private static final Object NOTIFIED = ThreadInvalidation.class.getName() + ".notified";

  @Inject ThreadCache cache;
  @Inject ClusterSignals signals;
  @Resource TransactionSynchronizationRegistry transactions;

  @Inject
  @ConfigProperty(name = "comments.db.url")
  String databaseUrl;

  static boolean changesThread(CommentSubmitted e) {
    return e.status() == CommentStatus.APPROVED;
  }

  static boolean changesThread(CommentDecided e) {
    return e.from() == CommentStatus.APPROVED || e.to() == CommentStatus.APPROVED;
  }

  static boolean changesThread(CommentReported e) {
    return e.heldAgain();
  }

  void submitted(@Observes CommentSubmitted e) {
    if (changesThread(e)) notifyOthers(e.articleId().value());
  }

  void decided(@Observes CommentDecided e) {
    if (changesThread(e)) notifyOthers(e.articleId().value());
  }

  void reported(@Observes CommentReported e) {
    if (changesThread(e)) notifyOthers(e.articleId().value());
  }

  void changed(@Observes ThreadChanged e) {
    notifyOthers(e.articleId());
  }

  void submittedCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommentSubmitted e) {
    if (changesThread(e)) cache.invalidate(e.articleId().value());
  }

  void decidedCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommentDecided e) {
    if (changesThread(e)) cache.invalidate(e.articleId().value());
  }

  void reportedCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommentReported e) {
    if (changesThread(e)) cache.invalidate(e.articleId().value());
  }

  void changedCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) ThreadChanged e) {
    cache.invalidate(e.articleId());
  }

  /**
   * Tells the other instances, in one NOTIFY (a few for a very large set), that these articles'
   * threads change with the current transaction; their events then send nothing more. For a batch
   * of comments on many articles that is one round trip instead of one per article.
   */
  public void notifyOthers(Collection<String> articleIds) {
    if (!RoutingDataSource.isPostgres(databaseUrl) || articleIds.isEmpty()) return;
    // once per article and transaction: PostgreSQL would fold repeats anyway, this saves the round
    // trips
    Set<String> fresh = new LinkedHashSet<>();
    for (String id : articleIds) {
      if (notYetNotified(id)) fresh.add(id);
    }
    StringBuilder payload = new StringBuilder(INSTANCE);
    for (String id : fresh) {
      if (payload.length() + 1 + id.length() > MAX_PAYLOAD) {
        send(payload.toString());
        payload.setLength(0);
        payload.append(INSTANCE);
      }
      payload.append(' ').append(id);
    }
    if (payload.length() > INSTANCE.length()) send(payload.toString());
  }

  private void notifyOthers(String articleId) {
    notifyOthers(List.of(articleId));
  }

  private boolean notYetNotified(String articleId) {
    if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) return true;
    @SuppressWarnings("unchecked")
    Set<String> done = (Set<String>) transactions.getResource(NOTIFIED);
    if (done == null) {
      done = new HashSet<>();
      transactions.putResource(NOTIFIED, done);
    }
    return done.add(articleId);
  }

  private void send(String payload) {
    // delivered by PostgreSQL only on commit, without flushing the batch's pending inserts
    signals.send(Signal.Channel.THREADS, payload);
  }
}
