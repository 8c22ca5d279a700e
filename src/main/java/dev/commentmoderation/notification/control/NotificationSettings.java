package dev.commentmoderation.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The settings of mail, webhooks and the outbox (README, "E-mail and webhooks"). */
@ApplicationScoped
public class NotificationSettings {

  @Inject
  @ConfigProperty(name = "comments.smtp.host")
  Optional<String> smtpHost;

  @Inject
  @ConfigProperty(name = "comments.smtp.port", defaultValue = "0")
  int smtpPort;

  @Inject
  @ConfigProperty(name = "comments.smtp.user")
  Optional<String> smtpUser;

  @Inject
  @ConfigProperty(name = "comments.smtp.password")
  Optional<String> smtpPassword;

  @Inject
  @ConfigProperty(name = "comments.smtp.from")
  Optional<String> smtpFrom;

  @Inject
  @ConfigProperty(name = "comments.smtp.tls", defaultValue = "starttls")
  String smtpTls;

  @Inject
  @ConfigProperty(name = "comments.public.url")
  Optional<String> publicUrl;

  @Inject
  @ConfigProperty(name = "comments.webhooks.allow.private", defaultValue = "false")
  boolean webhooksAllowPrivate;

  @Inject
  @ConfigProperty(name = "comments.webhooks.timeout.ms", defaultValue = "5000")
  long webhooksTimeoutMs;

  @Inject
  @ConfigProperty(name = "comments.outbox.poll.millis", defaultValue = "1000")
  long pollMillis;

  @Inject
  @ConfigProperty(name = "comments.outbox.retry.base.seconds", defaultValue = "10")
  long retryBaseSeconds;

  @Inject
  @ConfigProperty(name = "comments.outbox.retry.max.seconds", defaultValue = "3600")
  long retryMaxSeconds;

  @Inject
  @ConfigProperty(name = "comments.outbox.max.attempts", defaultValue = "12")
  int maxAttempts;

  @Inject
  @ConfigProperty(name = "comments.outbox.lease.seconds", defaultValue = "60")
  long leaseSeconds;

  @Inject
  @ConfigProperty(name = "comments.digest.after.minutes", defaultValue = "60")
  long digestAfterMinutes;

  @Inject
  @ConfigProperty(name = "comments.digest.every.minutes", defaultValue = "240")
  long digestEveryMinutes;

  /** How often each instance looks whether a digest is due. */
  @Inject
  @ConfigProperty(name = "comments.digest.check.seconds", defaultValue = "60")
  long digestCheckSeconds;

  @Inject
  @ConfigProperty(name = "comments.outbox.keep.days", defaultValue = "30")
  long keepDays;

  /** Finished outbox rows (and so the delivery log) are kept this long. */
  public Duration keep() {
    return Duration.ofDays(Math.max(1, keepDays));
  }

  /** Mails are sent only with an SMTP server, a sender and a public address for their links. */
  public boolean mailEnabled() {
    return smtpHost.isPresent() && smtpFrom.isPresent() && publicUrl.isPresent();
  }

  public String smtpHost() {
    return smtpHost.orElse("");
  }

  public String tls() {
    String mode = smtpTls.strip().toLowerCase(Locale.ROOT);
    return switch (mode) {
      case "none", "tls", "starttls" -> mode;
      default -> "starttls";
    };
  }

  public int smtpPort() {
    if (smtpPort > 0) return smtpPort;
    return switch (tls()) {
      case "tls" -> 465;
      case "none" -> 25;
      default -> 587;
    };
  }

  public Optional<String> smtpUser() {
    return smtpUser;
  }

  public Optional<String> smtpPassword() {
    return smtpPassword;
  }

  public String smtpFrom() {
    return smtpFrom.orElse("");
  }

  /** The service's public address without a trailing slash, for links in mails. */
  public String publicUrl() {
    String url = publicUrl.orElse("").strip();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  public boolean webhooksAllowPrivate() {
    return webhooksAllowPrivate;
  }

  public Duration webhooksTimeout() {
    return Duration.ofMillis(Math.max(100, webhooksTimeoutMs));
  }

  public long pollMillis() {
    return Math.max(50, pollMillis);
  }

  public Backoff backoff() {
    Duration base = Duration.ofSeconds(Math.max(1, retryBaseSeconds));
    Duration cap = Duration.ofSeconds(Math.max(retryMaxSeconds, base.toSeconds()));
    return new Backoff(base, cap, Math.max(1, maxAttempts));
  }

  /**
   * How long a claimed row is a worker's: longer than one send may take, so a live worker never
   * loses its row, and then another instance (or this one after a restart) takes it up.
   */
  public Duration lease() {
    Duration atLeast = webhooksTimeout().multipliedBy(2).plusSeconds(1);
    Duration configured = Duration.ofSeconds(Math.max(1, leaseSeconds));
    return configured.compareTo(atLeast) < 0 ? atLeast : configured;
  }

  /** 0: a digest as soon as anything is held (still at most once per {@link #digestEvery}). */
  public Duration digestAfter() {
    return Duration.ofMinutes(Math.max(0, digestAfterMinutes));
  }

  public Duration digestCheck() {
    return Duration.ofSeconds(Math.max(1, digestCheckSeconds));
  }

  public Duration digestEvery() {
    return Duration.ofMinutes(Math.max(1, digestEveryMinutes));
  }
}
