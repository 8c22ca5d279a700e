package dev.commentmoderation.live.boundary;

import dev.commentmoderation.comment.entity.Comment;
import dev.commentmoderation.comment.entity.CommentDecided;
import dev.commentmoderation.comment.entity.CommentDeleted;
import dev.commentmoderation.comment.entity.CommentEdited;
import dev.commentmoderation.comment.entity.CommentReported;
import dev.commentmoderation.comment.entity.CommentStatus;
import dev.commentmoderation.comment.entity.CommentSubmitted;
import dev.commentmoderation.live.control.LiveEventLog;
import dev.commentmoderation.platform.cluster.Signal;
import dev.commentmoderation.platform.persistence.UnitOfWork;
import dev.commentmoderation.platform.web.JsonConfiguration;
import dev.commentmoderation.queue.boundary.QueueItem;
import dev.commentmoderation.report.control.Reports;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One broadcaster for this instance's connected dashboards, carrying every instance's events: each
 * is a row of {@link LiveEventLog} written with its change and streamed, with its id, when its
 * signal arrives after the commit (on the managed executor, so a slow client never holds anyone
 * up). A reconnecting dashboard gets what it missed. Closed or failed sinks leave the broadcaster.
 */
@ApplicationScoped
public class LiveEvents {

  private static final Logger LOG = Logger.getLogger(LiveEvents.class.getName());

  @Inject EntityManager em;
  @Inject UnitOfWork work;
  @Inject Reports reports;

  @Inject LiveEventLog log;
  @Resource ManagedExecutorService executor;
  @Resource ManagedScheduledExecutorService scheduler;

  @Inject
  @ConfigProperty(name = "comments.live.replay.minutes", defaultValue = "60")
  int replayMinutes;

  /** The actor of a reader's own change (an edit, a deletion), as the audit log names it. */
  static final String READER = "reader";

  private final Map<String, Set<SseEventSink>> byUser = new ConcurrentHashMap<>();
  private volatile ScheduledFuture<?> pruning;

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

  /** A comment named by a stored event. */
  public record Ref(String id) {}

  /**
   * Joins a dashboard to the stream: {@code ready} first, then, when it reconnects with the id of
   * the last event it saw, what it missed (or {@code reset} when that is no longer kept: reload),
   * then every event of every instance as it commits.
   */
  public void register(SseEventSink sink, Sse sse, String user, String lastEventId) {
    broadcaster(sse).register(sink);
    byUser.computeIfAbsent(user, u -> ConcurrentHashMap.newKeySet()).add(sink);
    int now = listeners.incrementAndGet();
    sink.send(event("ready", new Hello(Instant.now(), now)));
    Long last = parse(lastEventId);
    if (last == null) return;
    var missed = log.since(last);
    if (missed.isEmpty()) {
      sink.send(event("reset", new Hello(Instant.now(), now)));
      return;
    }
    List<OutboundSseEvent> rendered =
        work.call(() -> missed.get().stream().flatMap(row -> render(row).stream()).toList());
    rendered.forEach(sink::send);
  }

  public int listeners() {
    return listeners.get();
  }

  private synchronized SseBroadcaster broadcaster(Sse sse) {
    if (broadcaster == null) {
      this.sse = sse;
      SseBroadcaster b = sse.newBroadcaster();
      b.onClose(
          sink -> {
            listeners.decrementAndGet();
            forget(sink);
          });
      b.onError(
          (sink, error) -> {
            LOG.log(Level.FINE, "dashboard stream failed", error);
            listeners.decrementAndGet();
            forget(sink);
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

  private void forget(SseEventSink sink) {
    byUser.values().forEach(sinks -> sinks.remove(sink));
  }

  // The events are written inside the transaction of the change (IN_PROGRESS observers), so one
  // exists exactly when its change committed, on whichever instance; streaming them happens when
  // their signal arrives, on every instance alike.

  void submitted(@Observes CommentSubmitted event) {
    if (event.status() != CommentStatus.PENDING) return;
    // the row names the comment; the queue item is read when it is streamed, after the commit,
    // with the version the comment has then (not yet written inside this batch's transaction)
    log.append("held", JsonConfiguration.JSONB.toJson(new Ref(event.commentId().toString())));
  }

  void decided(@Observes CommentDecided e) {
    Decided payload =
        new Decided(
            e.commentId().toString(),
            e.articleId().value(),
            e.from(),
            e.to(),
            e.by().name(),
            e.version());
    log.append("decided", JsonConfiguration.JSONB.toJson(payload));
  }

  /**
   * An author edited their comment: a card showing the old text leaves (or is marked stale) like
   * after any change of version, and a comment held now comes (back) with its new text.
   */
  void edited(@Observes CommentEdited e) {
    log.append(
        "decided",
        JsonConfiguration.JSONB.toJson(
            new Decided(
                e.commentId().toString(),
                e.articleId().value(),
                e.from(),
                e.to(),
                READER,
                e.version())));
    if (e.to() == CommentStatus.PENDING) {
      log.append("held", JsonConfiguration.JSONB.toJson(new Ref(e.commentId().toString())));
    }
  }

  /** An author deleted their comment: it leaves the moderators' queue as a decided one does. */
  void deleted(@Observes CommentDeleted e) {
    Comment c = em.find(Comment.class, e.commentId().value());
    log.append(
        "decided",
        JsonConfiguration.JSONB.toJson(
            new Decided(
                e.commentId().toString(),
                e.articleId().value(),
                e.from(),
                CommentStatus.DELETED,
                READER,
                c == null ? Integer.MAX_VALUE : c.version())));
  }

  void reported(@Observes CommentReported e) {
    log.append(
        "reported",
        JsonConfiguration.JSONB.toJson(
            new Reported(
                e.commentId().toString(),
                e.articleId().value(),
                e.openReports(),
                e.heldAgain(),
                e.version(),
                null)));
  }

  /** A row as a server-sent event; held and held-again comments as their queue item now. */
  private Optional<OutboundSseEvent> render(LiveEventLog.Row row) {
    String payload = row.payload();
    if (row.name().equals("held")) {
      Ref ref = JsonConfiguration.JSONB.fromJson(payload, Ref.class);
      Comment c = em.find(Comment.class, Long.parseLong(ref.id()));
      if (c == null) return Optional.empty();
      payload = JsonConfiguration.JSONB.toJson(QueueItem.of(c));
    } else if (row.name().equals("reported")) {
      Reported r = JsonConfiguration.JSONB.fromJson(payload, Reported.class);
      if (r.heldAgain()) {
        Comment c = em.find(Comment.class, Long.parseLong(r.id()));
        if (c != null) {
          QueueItem item = QueueItem.of(c, reports.open(c.commentId()));
          payload =
              JsonConfiguration.JSONB.toJson(
                  new Reported(r.id(), r.articleId(), r.reportCount(), true, r.version(), item));
        }
      }
    }
    return Optional.of(event(row, payload));
  }

  /**
   * An event committed on some instance: streamed to this instance's dashboards. A lost listening
   * connection means events may have been missed: dashboards are told to reload. A changed account
   * (disabled, new password or role) loses its open streams; the dashboard reconnects, and is let
   * in again only if the account still may.
   */
  void signalled(@Observes Signal signal) {
    switch (signal.channel()) {
      case EVENTS -> {
        Long id = parse(signal.payload());
        if (id != null && broadcaster != null) {
          later(
              () ->
                  work.call(() -> log.find(id).flatMap(this::render))
                      .ifPresent(broadcaster::broadcast));
        }
      }
      case RESYNC -> {
        if (broadcaster != null) {
          later(() -> broadcaster.broadcast(event("reset", new Hello(Instant.now(), listeners()))));
        }
      }
      case ACCOUNTS -> closeStreamsOf(signal.payload());
      default -> {
        // not for the live stream
      }
    }
  }

  void closeStreamsOf(String user) {
    Set<SseEventSink> sinks = byUser.remove(user);
    if (sinks == null) return;
    for (SseEventSink sink : sinks) {
      try {
        sink.close();
      } catch (RuntimeException ignored) {
        // gone already
      }
    }
  }

  /** Every five minutes, events older than the replay window go. */
  void prune() {
    try {
      log.prune(Duration.ofMinutes(replayMinutes));
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "live events not pruned this time", e);
    }
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

  private OutboundSseEvent event(LiveEventLog.Row row, String payload) {
    return sse.newEventBuilder()
        .id(String.valueOf(row.id()))
        .name(row.name())
        .mediaType(MediaType.APPLICATION_JSON_TYPE)
        .data(String.class, payload)
        .build();
  }

  private OutboundSseEvent event(String name, Object payload) {
    return sse.newEventBuilder()
        .name(name)
        .mediaType(MediaType.APPLICATION_JSON_TYPE)
        .data(String.class, JsonConfiguration.JSONB.toJson(payload))
        .build();
  }

  private static Long parse(String id) {
    if (id == null || id.isBlank() || id.length() > 19) return null;
    try {
      return Long.parseLong(id.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  void startPruning(@Observes @Initialized(ApplicationScoped.class) Object started) {
    pruning = scheduler.scheduleWithFixedDelay(this::prune, 1, 5, TimeUnit.MINUTES);
  }

  @PreDestroy
  void close() {
    if (pruning != null) pruning.cancel(false);
    if (broadcaster != null) broadcaster.close();
  }
}
