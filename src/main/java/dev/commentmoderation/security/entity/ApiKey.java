package dev.commentmoderation.security.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A CMS's key for the article settings. Only its SHA-256 is stored: the key is 32 random bytes, so
 * a fast hash is enough (nothing to guess), and the key itself is shown once, at creation.
 */
@Entity
@Table(name = "api_key")
public class ApiKey {

  @Id
  @SequenceGenerator(name = "api_key_seq", sequenceName = "api_key_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "api_key_seq")
  private Long id;

  @Column(nullable = false, length = 80)
  private String name;

  @Column(name = "key_hash", nullable = false, length = 64, unique = true)
  private String keyHash;

  @Column(name = "created_by", nullable = false, length = 80)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "revoked_at")
  private OffsetDateTime revokedAt;

  protected ApiKey() {}

  public ApiKey(String name, String keyHash, String createdBy, OffsetDateTime createdAt) {
    this.name = name;
    this.keyHash = keyHash;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
  }

  public void revoke(OffsetDateTime at) {
    if (revokedAt == null) revokedAt = at;
  }

  public Long id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String createdBy() {
    return createdBy;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public OffsetDateTime revokedAt() {
    return revokedAt;
  }
}
