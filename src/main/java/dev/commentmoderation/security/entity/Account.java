package dev.commentmoderation.security.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

@Entity
@Table(name = "account")
public class Account {

  @Id
  @Column(length = 80)
  private String username;

  /** PBKDF2 hash in Jakarta Security's encoded form; the password itself is never stored. */
  @Column(name = "password_hash", nullable = false, length = 512)
  private String passwordHash;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Role role;

  @Column(nullable = false)
  private boolean enabled;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected Account() {}

  public Account(String username, String passwordHash, Role role, OffsetDateTime createdAt) {
    this.username = username;
    this.passwordHash = passwordHash;
    this.role = role;
    this.enabled = true;
    this.createdAt = createdAt;
  }

  public String username() {
    return username;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public Role role() {
    return role;
  }

  public boolean enabled() {
    return enabled;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public void changePassword(String hash) {
    this.passwordHash = hash;
  }

  public void enable(boolean enabled) {
    this.enabled = enabled;
  }

  public void changeRole(Role role) {
    this.role = role;
  }
}
