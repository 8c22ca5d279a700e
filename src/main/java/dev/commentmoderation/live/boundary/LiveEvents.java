package dev.commentmoderation.live.boundary;

import dev.commentmoderation.comment.entity.Comment;
import dev.commentmoderation.comment.entity.CommentDecided;
import dev.commentmoderation.comment.entity.CommentReported;
import dev.commentmoderation.comment.entity.CommentStatus;
import dev.commentmoderation.comment.entity.CommentSubmitted;
import dev.commentmoderation.platform.web.JsonConfiguration;
import dev.commentmoderation.queue.boundary.QueueItem;
import dev.commentmoderation.report.control.Reports;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One broadcaster for every connected dashboard. Fed by observers of committed changes only
 * (AFTER_SUCCESS), and the sending happens on the managed executor so that a slow client never
 * holds up the request that made the change. Closed or failed sinks leave the broadcaster.
 */
@ApplicationScoped
public class LiveEvents {

  private static final Logger LOG = Logger.getLogger(LiveEvents.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Reports reports;

  @Resource ManagedExecutorService executor;

  private volatile Sse sse;
  private volatile SseBroadcaster broadcaster;
  private final AtomicInteger listeners = new AtomicInteger();

  public record Decided(
      String id,
      String articleId,
      CommentStatus from,
      CommentStatus to,
      String actor,
      int version) {}

  public record Reported(
      String id,
      String articleId,
      long reportCount,
      boolean heldAgain,
      int version,
      QueueItem item) {}

  public record Hello(Instant at, int listeners) {}

  public void register(SseEventSink sink, Sse sse) {
    broadcaster(sse).register(sink);
    int now = listeners.incrementAndGet();
    sink.send(event("ready", new Hello(Instant.now(), now)));
  }

  public int listeners() {
    return listeners.get();
  }

  private synchronized SseBroadcaster broadcaster(Sse sse) {
    if (broadcaster == null) {
      this.sse = sse;
      SseBroadcaster b = sse.newBroadcaster();
      b.onClose(sink -> listeners.decrementAndGet());
      b.onError(
          (sink, error) -> {
            LOG.log(Level.FINE, "dashboard stream failed", error);
            listeners.decrementAndGet();
            try {
              sink.close();
            } catch (RuntimeException ignored) {
              // already gone
            }
          });
      broadcaster = b;
    }
    return broadcaster;
  }

  void submitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommentSubmitted event) {
    if (event.status() != CommentStatus.PENDING || broadcaster == null) return;
    later(
        () -> {
          Comment c = em.find(Comment.class, event.commentId().value());
          if (c != null) send("held", QueueItem.of(c));
        });
  }

  void decided(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommentDecided e) {
    if (broadcaster == null) return;
    Decided payload =
        new Decided(
            e.commentId().toString(),
            e.articleId().value(),
            e.from(),
            e.to(),
            e.by().name(),
            e.version());
    later(() -> send("decided", payload));
  }

  void reported(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommentReported e) {
    if (broadcaster == null) return;
    later(
        () -> {
          QueueItem item = null;
          if (e.heldAgain()) {
            Comment c = em.find(Comment.class, e.commentId().value());
            if (c != null) item = QueueItem.of(c, reports.open(c.commentId()));
          }
          send(
              "reported",
              new Reported(
                  e.commentId().toString(),
                  e.articleId().value(),
                  e.openReports(),
                  e.heldAgain(),
                  e.version(),
                  item));
        });
  }

  private void later(Runnable task) {
    executor.execute(
        () -> {
          try {
            task.run();
          } catch (RuntimeException ex) {
            LOG.log(Level.WARNING, "live event not sent", ex);
          }
        });
  }

  private void send(String name, Object payload) {
    SseBroadcaster b = broadcaster;
    if (b != null) b.broadcast(event(name, payload));
  }

  private OutboundSseEvent event(String name, Object payload) {
    return sse.newEventBuilder()
        .name(name)
        .mediaType(MediaType.APPLICATION_JSON_TYPE)
        .data(String.class, JsonConfiguration.JSONB.toJson(payload))
        .build();
  }

  @PreDestroy
  void close() {
    if (broadcaster != null) broadcaster.close();
  }
}
