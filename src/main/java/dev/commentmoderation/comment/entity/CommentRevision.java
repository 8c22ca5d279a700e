package dev.commentmoderation.comment.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One edit of a comment by its author: both texts and both statuses, kept for the moderators. */
@Entity
@Table(name = "comment_revision")
public class CommentRevision {

  @Id
  @SequenceGenerator(
      name = "comment_revision_seq",
      sequenceName = "comment_revision_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "comment_revision_seq")
  private Long id;

  @Column(name = "comment_id", nullable = false)
  private long commentId;

  @Column(name = "body_before", nullable = false, length = 5000)
  private String bodyBefore;

  @Column(name = "body_after", nullable = false, length = 5000)
  private String bodyAfter;

  @Enumerated(EnumType.STRING)
  @Column(name = "status_before", nullable = false, length = 16)
  private CommentStatus statusBefore;

  @Enumerated(EnumType.STRING)
  @Column(name = "status_after", nullable = false, length = 16)
  private CommentStatus statusAfter;

  @Column(name = "edited_at", nullable = false)
  private OffsetDateTime editedAt;

  protected CommentRevision() {}

  public CommentRevision(
      long commentId,
      String bodyBefore,
      String bodyAfter,
      CommentStatus statusBefore,
      CommentStatus statusAfter,
      OffsetDateTime editedAt) {
    this.commentId = commentId;
    this.bodyBefore = bodyBefore;
    this.bodyAfter = bodyAfter;
    this.statusBefore = statusBefore;
    this.statusAfter = statusAfter;
    this.editedAt = editedAt;
  }

  public Long id() {
    return id;
  }

  public long commentId() {
    return commentId;
  }

  public String bodyBefore() {
    return bodyBefore;
  }

  public String bodyAfter() {
    return bodyAfter;
  }

  public CommentStatus statusBefore() {
    return statusBefore;
  }

  public CommentStatus statusAfter() {
    return statusAfter;
  }

  public OffsetDateTime editedAt() {
    return editedAt;
  }
}
