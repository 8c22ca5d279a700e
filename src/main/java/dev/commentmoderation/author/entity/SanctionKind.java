package dev.commentmoderation.author.entity;

import dev.commentmoderation.engine.AuthorStanding;

/** Strongest first: when several sanctions match an author, the first kind in this order wins. */
public enum SanctionKind {
  BAN(AuthorStanding.BANNED),
  PREMODERATE(AuthorStanding.PREMODERATED),
  TRUST(AuthorStanding.TRUSTED);

  private final AuthorStanding standing;

  SanctionKind(AuthorStanding standing) {
    this.standing = standing;
  }

  public AuthorStanding standing() {
    return standing;
  }
}
