package dev.commentmoderation.engine;

/** What the service knows about the author or client before the text is read. */
public enum AuthorStanding {
  /** An author with no history here: the first-comment rule may hold them. */
  NEW,
  /** Has a history, nothing special. */
  ESTABLISHED,
  /** Enough approved comments and none rejected: skips the first-comment hold. */
  TRUSTED,
  /** A moderator asked that every comment of this author be held. */
  PREMODERATED,
  /** Banned or suspended: refused. */
  BANNED
}
