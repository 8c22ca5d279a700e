package dev.commentmoderation.report.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One reader's report on one comment; open until a moderator dismisses it. {@code reporter} is who
 * counts once ({@code Caller.key()}: the signed-in reader, else the client); the client hash stays
 * for the per-client limits.
 */
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

  @Column(name = "reader_id")
  private Long readerId;

  @Column(nullable = false, length = 80)
  private String reporter;

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
    this(commentId, clientHash, null, "client:" + clientHash, reason, note, createdAt);
  }

  public Report(
      long commentId,
      String clientHash,
      Long readerId,
      String reporter,
      String reason,
      String note,
      OffsetDateTime createdAt) {
    this.commentId = commentId;
    this.clientHash = clientHash;
    this.readerId = readerId;
    this.reporter = reporter;
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

  public Long readerId() {
    return readerId;
  }

  public String reporter() {
    return reporter;
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
