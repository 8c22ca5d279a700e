package dev.commentmoderation.report.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One reader's report on one comment; open until a moderator dismisses it. */
@Entity
@Table(name = "comment_report")
public class Report {

  @Id
  @SequenceGenerator(name = "report_seq", sequenceName = "report_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "report_seq")
  private Long id;

  @Column(name = "comment_id", nullable = false)
  private Long commentId;

  @Column(name = "client_hash", nullable = false, length = 64)
  private String clientHash;

  @Column(nullable = false, length = 16)
  private String reason;

  @Column(length = 500)
  private String note;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "dismissed_at")
  private OffsetDateTime dismissedAt;

  @Column(name = "dismissed_by", length = 80)
  private String dismissedBy;

  protected Report() {}

  public Report(
      long commentId, String clientHash, String reason, String note, OffsetDateTime createdAt) {
    this.commentId = commentId;
    this.clientHash = clientHash;
    this.reason = reason;
    this.note = note;
    this.createdAt = createdAt;
  }

  public void dismiss(String by, OffsetDateTime at) {
    this.dismissedBy = by;
    this.dismissedAt = at;
  }

  public Long id() {
    return id;
  }

  public Long commentId() {
    return commentId;
  }

  public String reason() {
    return reason;
  }

  public String note() {
    return note;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public OffsetDateTime dismissedAt() {
    return dismissedAt;
  }
}
