package dev.commentmoderation.comment.control;

import dev.commentmoderation.comment.control.CommentSubmission.Submitted;
import dev.commentmoderation.platform.persistence.DatabaseOutages;
import dev.commentmoderation.platform.persistence.GroupCommit;
import dev.commentmoderation.platform.web.ProblemException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The container side of group commit: request threads hand their prepared comment to a {@link
 * GroupCommit} whose batches {@link CommentStore} writes in one JTA transaction on a managed thread
 * of its own; a request returns only after its batch committed, or fails with {@link
 * CommentNotStored} (503) when it did not commit within the bounded wait.
 */
@ApplicationScoped
public class CommentWriter {

  private static final Logger LOG = Logger.getLogger(CommentWriter.class.getName());

  @Resource ManagedThreadFactory threads;
  @Inject CommentStore store;
  @Inject DatabaseOutages outages;

  @Inject
  @ConfigProperty(name = "comments.write.batch.size", defaultValue = "64")
  int batchSize;

  @Inject
  @ConfigProperty(name = "comments.write.batch.linger.micros", defaultValue = "0")
  long lingerMicros;

  @Inject
  @ConfigProperty(name = "comments.write.queue.max", defaultValue = "4096")
  int queueMax;

  @Inject
  @ConfigProperty(name = "comments.write.timeout.millis", defaultValue = "10000")
  long timeoutMillis;

  private ThreadPoolExecutor committer;
  private GroupCommit<PreparedComment, Submitted> commits;

  /**
   * One committer thread, made at deployment. Not a task of the managed executor submitted by a
   * request: such a task carries a copy of that request's invocation context, and the container
   * then cleans up the request's non-transactional entity managers from the task as well (and the
   * AFTER_SUCCESS observers' tasks from it), which failed requests with "closed EntityManager".
   */
  @PostConstruct
  void start() {
    committer =
        new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
    committer.prestartCoreThread();
    commits =
        new GroupCommit<>(
            this::storeBatch,
            committer,
            batchSize,
            TimeUnit.MICROSECONDS.toNanos(lingerMicros),
            queueMax,
            CommentWriter::aboutTheComments);
  }

  /**
   * Makes this bean, and so the committer thread, at deployment rather than in the first request.
   */
  void atDeployment(@Observes @Initialized(ApplicationScoped.class) Object started) {
    LOG.fine(() -> "group commit ready: batches of up to " + batchSize);
  }

  @PreDestroy
  void stop() {
    commits.close();
    committer.shutdown();
  }

  /** Blocks until the comment is committed; {@link CommentNotStored} when it was not. */
  public Submitted write(PreparedComment comment) {
    CompletableFuture<Submitted> result = commits.submit(comment);
    try {
      return result.get(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      result.cancel(false);
      outages.unavailable(new TimeoutException("no commit within " + timeoutMillis + " ms"));
      throw new CommentNotStored();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ProblemException typed) throw typed;
      // counted and summarised by DatabaseOutages, not logged per request
      outages.unavailable(e.getCause());
      throw new CommentNotStored();
    } catch (InterruptedException e) {
      result.cancel(false);
      Thread.currentThread().interrupt();
      throw new CommentNotStored();
    }
  }

  private List<Submitted> storeBatch(List<PreparedComment> batch) {
    try {
      List<Submitted> stored = store.store(batch);
      outages.available();
      return stored;
    } catch (RuntimeException e) {
      // the database being gone is reported once by DatabaseOutages, a client's error (a reused
      // Idempotency-Key) is its answer; anything else is worth a trace
      if (aboutTheComments(e) && !(e instanceof ProblemException)) {
        LOG.log(Level.WARNING, "a batch of " + batch.size() + " comments was not stored", e);
      }
      throw e;
    }
  }

  /**
   * Connection exceptions (class 08) and the server going away (57P01 admin shutdown, 57P02 crash
   * shutdown, 57P03 cannot connect now).
   */
  static boolean connectionLost(String sqlState) {
    return sqlState != null
        && (sqlState.startsWith("08")
            || sqlState.equals("57P01")
            || sqlState.equals("57P02")
            || sqlState.equals("57P03"));
  }

  /**
   * A failure that may be one comment's fault, so that each is worth trying alone; not when the
   * database cannot be reached (every comment would fail again, each after a wait).
   */
  static boolean aboutTheComments(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof jakarta.resource.ResourceException
          || (t instanceof SQLException sql && connectionLost(sql.getSQLState()))) {
        return false;
      }
    }
    return true;
  }
}
