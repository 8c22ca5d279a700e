package dev.commentmoderation.operations;

import dev.commentmoderation.comment.entity.CommentDecided;
import dev.commentmoderation.comment.entity.CommentSubmitted;
import dev.commentmoderation.queue.control.ModerationQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Counts what committed: submissions per outcome and decisions per outcome, observed after the
 * transaction succeeded, so a rolled-back submission is never counted. Queue depth is read from the
 * database (at most every five seconds), since the queue is the table.
 */
@ApplicationScoped
public class CommentMetrics {

  private static final long DEPTH_TTL_NANOS = 5_000_000_000L;

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  @Inject ModerationQueue queue;

  private final AtomicLong depth = new AtomicLong();
  private volatile long depthReadAt;

  void submitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommentSubmitted event) {
    registry
        .counter(
            Metadata.builder()
                .withName("comments_submitted_total")
                .withDescription("Comments submitted, by the status the rule engine gave them")
                .build(),
            new Tag("status", event.status().name()))
        .inc();
  }

  void decided(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommentDecided event) {
    registry
        .counter(
            Metadata.builder()
                .withName("comments_decided_total")
                .withDescription("Moderators' decisions, by resulting status")
                .build(),
            new Tag("status", event.to().name()))
        .inc();
  }

  void registerGauge(@Observes @Initialized(ApplicationScoped.class) Object started) {
    registry.gauge(
        Metadata.builder()
            .withName("comments_queue_depth")
            .withDescription("Comments awaiting a moderator (PENDING)")
            .withUnit(MetricUnits.NONE)
            .build(),
        this,
        CommentMetrics::queueDepth);
  }

  long queueDepth() {
    long now = System.nanoTime();
    if (now - depthReadAt > DEPTH_TTL_NANOS) {
      depthReadAt = now;
      depth.set(queue.depth());
    }
    return depth.get();
  }
}
