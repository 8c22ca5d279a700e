package dev.commentmoderation.security.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A one-time code that stands in for a lost authenticator; only its SHA-256 digest is kept. */
@Entity
@Table(name = "recovery_code")
public class RecoveryCode {

  @Id
  @SequenceGenerator(
      name = "recovery_code_seq",
      sequenceName = "recovery_code_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "recovery_code_seq")
  private Long id;

  @Column(nullable = false, length = 80)
  private String username;

  @Column(nullable = false, length = 64)
  private String digest;

  @Column(name = "used_at")
  private OffsetDateTime usedAt;

  protected RecoveryCode() {}

  public RecoveryCode(String username, String digest) {
    this.username = username;
    this.digest = digest;
  }

  public String digest() {
    return digest;
  }

  public boolean used() {
    return usedAt != null;
  }

  public void use(OffsetDateTime at) {
    usedAt = at;
  }
}
