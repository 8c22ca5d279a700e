package dev.commentmoderation.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One state change, written in the transaction that made it; never updated. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

  @Id
  @SequenceGenerator(name = "audit_seq", sequenceName = "audit_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_seq")
  private Long id;

  @Column(name = "comment_id")
  private Long commentId;

  @Column(nullable = false, length = 80)
  private String actor;

  @Column(nullable = false, length = 32)
  private String action;

  /** A comment status by name: the audit log sits below the comment component. */
  @Column(name = "from_status", length = 16)
  private String fromStatus;

  @Column(name = "to_status", length = 16)
  private String toStatus;

  @Column(length = 1000)
  private String reason;

  @Column(nullable = false)
  private OffsetDateTime at;

  /** What the entry is about when it is not one comment: "sanction:51", "account:anna", "rules". */
  @Column(length = 200)
  private String subject;

  protected AuditEntry() {}

  public AuditEntry(
      Long commentId,
      String actor,
      String action,
      String fromStatus,
      String toStatus,
      String reason,
      OffsetDateTime at) {
    this.commentId = commentId;
    this.actor = actor;
    this.action = action;
    this.fromStatus = fromStatus;
    this.toStatus = toStatus;
    this.reason = reason;
    this.at = at;
  }

  public AuditEntry about(String subject) {
    this.subject = subject;
    return this;
  }

  public String subject() {
    return subject;
  }

  public Long id() {
    return id;
  }

  public Long commentId() {
    return commentId;
  }

  public String actor() {
    return actor;
  }

  public String action() {
    return action;
  }

  public String fromStatus() {
    return fromStatus;
  }

  public String toStatus() {
    return toStatus;
  }

  public String reason() {
    return reason;
  }

  public OffsetDateTime at() {
    return at;
  }
}
