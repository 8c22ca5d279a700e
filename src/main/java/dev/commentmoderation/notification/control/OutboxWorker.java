package dev.commentmoderation.notification.control;

import dev.commentmoderation.notification.entity.OutboxKind;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends what the outbox holds, on the managed scheduled executor: every {@code
 * comments.outbox.poll.millis} it claims due rows (a few at a time, {@code FOR UPDATE SKIP LOCKED},
 * so several instances share the work without taking the same row), sends each outside any
 * transaction, and records the answer in a transaction of its own. A webhook whose answer is not
 * 2xx, or that could not be reached in time, is tried again after the back-off; a mail the SMTP
 * server did not accept likewise. Nothing here runs on a request thread. Also runs the queue
 * digest's check once a minute.
 */
@ApplicationScoped
public class OutboxWorker {

  private static final Logger LOG = Logger.getLogger(OutboxWorker.class.getName());
  static final int BATCH = 10;

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject Outbox outbox;
  @Inject Mailer mailer;
  @Inject NotificationSettings settings;
  @Inject QueueDigest digest;
  @Inject Clock clock;

  private final AtomicBoolean draining = new AtomicBoolean();
  private ScheduledFuture<?> polling;
  private ScheduledFuture<?> digests;

  void atDeployment(@Observes @Initialized(ApplicationScoped.class) Object started) {
    long poll = settings.pollMillis();
    polling = scheduler.scheduleWithFixedDelay(this::drain, poll, poll, TimeUnit.MILLISECONDS);
    long check = settings.digestCheck().toSeconds();
    digests =
        scheduler.scheduleWithFixedDelay(
            this::digest, Math.min(30, check), check, TimeUnit.SECONDS);
    LOG.info(
        () ->
            "outbox worker every "
                + poll
                + " ms; mail "
                + (settings.mailEnabled() ? "on (" + settings.smtpHost() + ")" : "off")
                + "; retries "
                + settings.backoff());
  }

  @PreDestroy
  void stop() {
    if (polling != null) polling.cancel(false);
    if (digests != null) digests.cancel(false);
  }

  /** Sends everything due now, a batch at a time; one run at a time per instance. */
  void drain() {
    if (!draining.compareAndSet(false, true)) return;
    try {
      List<Outbox.Claimed> batch;
      do {
        batch = outbox.claim(BATCH, settings.lease(), settings.mailEnabled());
        for (Outbox.Claimed row : batch) send(row);
      } while (batch.size() == BATCH);
    } catch (RuntimeException e) {
      // the database may be away; the next poll tries again
      LOG.log(Level.WARNING, "outbox: could not claim or record", e);
    } finally {
      draining.set(false);
    }
  }

  /** Once a minute (by default): the queue digest, and finished rows past their keeping time. */
  private void digest() {
    try {
      if (settings.mailEnabled()) digest.checkAndQueue();
      outbox.prune(settings.keep());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "queue digest check or outbox pruning failed", e);
    }
  }

  private void send(Outbox.Claimed row) {
    if (row.kind() == OutboxKind.WEBHOOK && row.webhookDeleted()) {
      outbox.cancel(row, "webhook deleted");
      return;
    }
    Outbox.Outcome outcome =
        row.kind() == OutboxKind.MAIL ? sendMail(row) : deliver(row, settings, clock.instant());
    outbox.record(row, outcome, settings.backoff(), ThreadLocalRandom.current().nextDouble());
    if (!outcome.delivered()) {
      LOG.fine(() -> "outbox row " + row.id() + " attempt " + row.attempts() + ": " + outcome);
    }
  }

  private Outbox.Outcome sendMail(Outbox.Claimed row) {
    try {
      mailer.send(
          new Mailer.Mail(
              row.id(), row.recipient(), row.subject(), row.payload(), row.unsubscribeUrl()));
      return Outbox.Outcome.sent(null, "accepted by " + settings.smtpHost());
    } catch (Mailer.Undeliverable e) {
      return Outbox.Outcome.hopeless(e.getMessage());
    } catch (jakarta.mail.MessagingException | RuntimeException e) {
      return Outbox.Outcome.failed(null, "SMTP: " + e.getMessage());
    }
  }

  /** One attempt of a delivery: checked target, signed body, hard timeout, no redirects. */
  static Outbox.Outcome deliver(Outbox.Claimed row, NotificationSettings settings, Instant now) {
    TargetAddresses.Target target;
    try {
      target =
          TargetAddresses.resolve(
              TargetAddresses.parse(row.url()), settings.webhooksAllowPrivate());
    } catch (TargetAddresses.Refused refused) {
      if ("webhook.url.unresolved".equals(refused.messageKey()))
        return Outbox.Outcome.failed(null, "target: " + refused.getMessage());
      return Outbox.Outcome.hopeless("target refused: " + refused.getMessage());
    }
    byte[] body = row.payload().getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-Comments-Event", row.event());
    headers.put("X-Comments-Delivery", String.valueOf(row.id()));
    headers.put("X-Comments-Timestamp", String.valueOf(now.getEpochSecond()));
    headers.put("X-Comments-Attempt", String.valueOf(row.attempts()));
    if (row.secret() != null && !row.secret().isEmpty())
      headers.put(WebhookSignature.HEADER, WebhookSignature.sign(row.secret(), body));
    try {
      var answer = WebhookClient.post(target, body, headers, settings.webhooksTimeout());
      return answer.delivered()
          ? Outbox.Outcome.sent(answer.status(), answer.body())
          : Outbox.Outcome.failed(answer.status(), answer.body());
    } catch (IOException | RuntimeException e) {
      return Outbox.Outcome.failed(null, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }
}
