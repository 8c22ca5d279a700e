package dev.commentmoderation.article.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** An article's moderation settings; an article without a row has the defaults. */
@Entity
@Table(name = "article")
public class Article {

  @Id
  @Column(length = 128)
  private String id;

  @Column(name = "comments_open", nullable = false)
  private boolean commentsOpen = true;

  @Column(nullable = false)
  private boolean premoderated;

  @Column(name = "report_threshold")
  private Integer reportThreshold;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  protected Article() {}

  public Article(String id, OffsetDateTime at) {
    this.id = id;
    this.updatedAt = at;
  }

  public void configure(
      boolean commentsOpen, boolean premoderated, Integer reportThreshold, OffsetDateTime at) {
    this.commentsOpen = commentsOpen;
    this.premoderated = premoderated;
    this.reportThreshold = reportThreshold;
    this.updatedAt = at;
  }

  public String id() {
    return id;
  }

  public boolean commentsOpen() {
    return commentsOpen;
  }

  public boolean premoderated() {
    return premoderated;
  }

  public Integer reportThreshold() {
    return reportThreshold;
  }

  public OffsetDateTime updatedAt() {
    return updatedAt;
  }
}
