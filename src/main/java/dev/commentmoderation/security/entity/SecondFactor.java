package dev.commentmoderation.security.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * An account's TOTP second factor: pending from enrolment until the first correct code confirms it,
 * then required at every sign-in. Remembers the last time step used, so a code is accepted once
 * only (RFC 6238, section 5.2).
 */
@Entity
@Table(name = "second_factor")
public class SecondFactor {

  @Id
  @Column(length = 80)
  private String username;

  /** Base32, as shown to the authenticator app. */
  @Column(nullable = false, length = 64)
  private String secret;

  @Column(nullable = false)
  private boolean confirmed;

  @Column(name = "last_step")
  private Long lastStep;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "confirmed_at")
  private OffsetDateTime confirmedAt;

  protected SecondFactor() {}

  public SecondFactor(String username, String secret, OffsetDateTime createdAt) {
    this.username = username;
    this.secret = secret;
    this.createdAt = createdAt;
  }

  public String username() {
    return username;
  }

  public String secret() {
    return secret;
  }

  public boolean confirmed() {
    return confirmed;
  }

  public OffsetDateTime confirmedAt() {
    return confirmedAt;
  }

  /** A new secret for an enrolment that was never confirmed (the app was lost half-way). */
  public void restart(String secret, OffsetDateTime at) {
    if (confirmed) throw new IllegalStateException("confirmed second factors are not replaced");
    this.secret = secret;
    this.createdAt = at;
    this.lastStep = null;
  }

  /**
   * Takes a code's time step: true when it is later than every step used before (a code is good
   * once), and confirms a pending enrolment.
   */
  public boolean use(long step, OffsetDateTime at) {
    if (lastStep != null && step <= lastStep) return false;
    lastStep = step;
    if (!confirmed) {
      confirmed = true;
      confirmedAt = at;
    }
    return true;
  }
}
