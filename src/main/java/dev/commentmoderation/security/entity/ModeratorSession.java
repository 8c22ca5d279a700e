package dev.commentmoderation.security.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * A dashboard session: the browser holds a random token in an HttpOnly cookie, the database only
 * its SHA-256 ({@code tokenHash}). It is valid until its absolute expiry and while it is used
 * within the idle timeout; {@code lastSeenAt} is written at most once a minute, so idle expiry is
 * exact to that minute. Ending a session deletes the row.
 */
@Entity
@Table(name = "moderator_session")
public class ModeratorSession {

  /** How often {@code lastSeenAt} is written at most. */
  public static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

  @Id
  @Column(name = "token_hash", length = 64)
  private String tokenHash;

  @Column(name = "public_id", nullable = false, length = 32, unique = true)
  private String publicId;

  @Column(nullable = false, length = 80)
  private String username;

  @Column(name = "csrf_token", nullable = false, length = 64)
  private String csrfToken;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "last_seen_at", nullable = false)
  private OffsetDateTime lastSeenAt;

  @Column(name = "expires_at", nullable = false)
  private OffsetDateTime expiresAt;

  @Column(name = "user_agent", length = 200)
  private String userAgent;

  @Column(nullable = false)
  private boolean restricted;

  protected ModeratorSession() {}

  public ModeratorSession(
      String tokenHash,
      String publicId,
      String username,
      String csrfToken,
      OffsetDateTime now,
      Duration maxAge,
      String userAgent,
      boolean restricted) {
    this.tokenHash = tokenHash;
    this.publicId = publicId;
    this.username = username;
    this.csrfToken = csrfToken;
    this.createdAt = now;
    this.lastSeenAt = now;
    this.expiresAt = now.plus(maxAge);
    this.userAgent = userAgent;
    this.restricted = restricted;
  }

  /** Whether the session may still be used at {@code now}, with the given idle timeout. */
  public boolean validAt(OffsetDateTime now, Duration idle) {
    return now.isBefore(expiresAt) && now.isBefore(lastSeenAt.plus(idle));
  }

  /**
   * Records a use; true when {@code lastSeenAt} changed (at most once per {@link #TOUCH_EVERY}).
   */
  public boolean touch(OffsetDateTime now) {
    if (now.isBefore(lastSeenAt.plus(TOUCH_EVERY))) return false;
    lastSeenAt = now;
    return true;
  }

  /** When it ends if not used again: the idle deadline or the absolute one, whichever is first. */
  public OffsetDateTime endsAt(Duration idle) {
    OffsetDateTime idleEnd = lastSeenAt.plus(idle);
    return idleEnd.isBefore(expiresAt) ? idleEnd : expiresAt;
  }

  public String tokenHash() {
    return tokenHash;
  }

  public String publicId() {
    return publicId;
  }

  public String username() {
    return username;
  }

  public String csrfToken() {
    return csrfToken;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public OffsetDateTime lastSeenAt() {
    return lastSeenAt;
  }

  public OffsetDateTime expiresAt() {
    return expiresAt;
  }

  public String userAgent() {
    return userAgent;
  }

  public boolean restricted() {
    return restricted;
  }
}
