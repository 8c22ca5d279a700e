package dev.commentmoderation.data.entity;

/** What the source system said of a comment, before it becomes one of our statuses. */
public enum SourceState {
  /** Shown on the site: becomes APPROVED (or is held when the import is moderated). */
  PUBLISHED,
  /** Waiting for the site's moderators: becomes PENDING. */
  PENDING,
  /** Marked spam at the source: becomes REJECTED, never published. */
  SPAM,
  /** Deleted or trashed at the source: becomes REJECTED, never published. */
  DELETED;

  /** The status it is stored with. */
  public String status() {
    return switch (this) {
      case PUBLISHED -> "APPROVED";
      case PENDING -> "PENDING";
      case SPAM, DELETED -> "REJECTED";
    };
  }
}
