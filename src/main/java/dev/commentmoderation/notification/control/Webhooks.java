package dev.commentmoderation.notification.control;

import dev.commentmoderation.notification.entity.WebhookEvent;
import dev.commentmoderation.notification.entity.WebhookFormat;
import dev.commentmoderation.platform.Clocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The admins' webhooks. Which hooks want an event is asked on every comment event, so the live
 * hooks are kept in memory for {@link #TTL_MILLIS} (dropped at once on this instance when they
 * change; another instance sees a new or deleted hook within that time). A deleted hook keeps its
 * row for its delivery log; its pending deliveries are cancelled.
 */
@ApplicationScoped
@Transactional
public class Webhooks {

  static final long TTL_MILLIS = 5000;

  @Inject EntityManager em;
  @Inject Outbox outbox;
  @Inject Clock clock;

  private volatile Cached cached;

  private record Cached(List<Hook> hooks, long readAtNanos) {}

  /** A webhook as admins see it: never its secret. */
  public record Hook(
      long id,
      String url,
      Set<WebhookEvent> events,
      WebhookFormat format,
      String chatId,
      String createdBy,
      OffsetDateTime createdAt) {
    public Hook {
      events = Set.copyOf(events);
    }
  }

  /** In the caller's transaction. */
  public Hook create(
      String url,
      Set<WebhookEvent> events,
      String secret,
      WebhookFormat format,
      String chatId,
      String by) {
    long id =
        ((Number)
                em.createNativeQuery("SELECT nextval('webhook_seq')")
                    .setFlushMode(FlushModeType.COMMIT)
                    .getSingleResult())
            .longValue();
    OffsetDateTime now = Clocks.now(clock);
    String eventNames =
        events.stream().map(WebhookEvent::wireName).sorted().collect(Collectors.joining(","));
    em.createNativeQuery(
            "INSERT INTO webhook (id, url, events, secret, format, chat_id, created_by, created_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
        .setParameter(1, id)
        .setParameter(2, url)
        .setParameter(3, eventNames)
        .setParameter(4, secret)
        .setParameter(5, format.name())
        .setParameter(6, chatId)
        .setParameter(7, by)
        .setParameter(8, now)
        .executeUpdate();
    cached = null;
    return new Hook(id, url, events, format, chatId, by, now);
  }

  /** Live webhooks, oldest first. */
  public List<Hook> list() {
    List<Hook> hooks = new ArrayList<>();
    for (Object row :
        em.createNativeQuery(
                "SELECT id, url, events, format, chat_id, created_by, created_at FROM webhook"
                    + " WHERE deleted_at IS NULL ORDER BY id")
            .getResultList()) {
      hooks.add(hook((Object[]) row));
    }
    return hooks;
  }

  public Hook find(long id) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT id, url, events, format, chat_id, created_by, created_at FROM webhook"
                    + " WHERE id = ?1")
            .setParameter(1, id)
            .getResultList();
    if (rows.isEmpty()) throw new WebhookNotFound();
    return hook((Object[]) rows.get(0));
  }

  /** In the caller's transaction; its pending deliveries are cancelled. */
  public void delete(long id) {
    int deleted =
        em.createNativeQuery(
                "UPDATE webhook SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL")
            .setParameter(1, id)
            .setParameter(2, Clocks.now(clock))
            .executeUpdate();
    if (deleted == 0) throw new WebhookNotFound();
    outbox.cancelDeliveries(id);
    cached = null;
  }

  /** The live hooks that want {@code event}, from memory when read within the last seconds. */
  public List<Hook> subscribedTo(WebhookEvent event) {
    Cached c = cached;
    if (c == null || System.nanoTime() - c.readAtNanos() > TTL_MILLIS * 1_000_000) {
      c = new Cached(List.copyOf(list()), System.nanoTime());
      cached = c;
    }
    return c.hooks().stream().filter(h -> h.events().contains(event)).toList();
  }

  private static Hook hook(Object[] r) {
    Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
    Arrays.stream(((String) r[2]).split(","))
        .map(WebhookEvent::of)
        .forEach(e -> e.ifPresent(events::add));
    return new Hook(
        ((Number) r[0]).longValue(),
        (String) r[1],
        events,
        WebhookFormat.valueOf((String) r[3]),
        (String) r[4],
        (String) r[5],
        Outbox.time(r[6]));
  }
}
