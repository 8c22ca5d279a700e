package dev.commentmoderation.comment.entity;

import dev.commentmoderation.security.entity.Moderator;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * A moderator's advisory claim on a comment ("I am looking at this one"), kept in the comment's row
 * so that every instance sees it, and expiring on its own. A view of the row's claim columns
 * without the version, so that claiming never makes the version a moderator saw stale; writers lock
 * the row (see {@code Claims}) so that of two racing claims one wins.
 */
@Entity
@Table(name = "comments")
public class CommentClaim {

  @Id private Long id;

  @Column(name = "claimed_by", length = 80)
  private String claimedBy;

  @Column(name = "claimed_until")
  private OffsetDateTime claimedUntil;

  protected CommentClaim() {}

  /** Claims it, or renews one's own claim; another moderator's claim in force refuses it. */
  public void claim(Moderator by, OffsetDateTime now, Duration length) {
    if (claimedBy != null
        && !claimedBy.equals(by.name())
        && claimedUntil != null
        && !claimedUntil.isBefore(now)) {
      throw new AlreadyClaimed(claimedBy, claimedUntil.toInstant().toString());
    }
    this.claimedBy = by.name();
    this.claimedUntil = now.plus(length);
  }

  /** Releases one's own claim; an admin may release anyone's. */
  public void release(Moderator by) {
    if (by.admin() || by.name().equals(claimedBy)) {
      this.claimedBy = null;
      this.claimedUntil = null;
    }
  }
}
