package dev.commentmoderation.rules.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A rule set activated through the API; the newest one is active again after a restart. */
@Entity
@Table(name = "rule_set")
public class StoredRuleSet {

  @Id
  @SequenceGenerator(name = "rule_set_seq", sequenceName = "rule_set_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "rule_set_seq")
  private Long id;

  @Column(nullable = false, length = 64)
  private String version;

  @Column(nullable = false, length = 200000)
  private String source;

  @Column(name = "created_by", nullable = false, length = 80)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected StoredRuleSet() {}

  public StoredRuleSet(String version, String source, String createdBy, OffsetDateTime createdAt) {
    this.version = version;
    this.source = source;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
  }

  public Long id() {
    return id;
  }

  public String version() {
    return version;
  }

  public String source() {
    return source;
  }

  public String createdBy() {
    return createdBy;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }
}
