package dev.commentmoderation.reaction.control;

import dev.commentmoderation.platform.web.InvalidParameter;

/** The kinds of reaction; stored by their name in lower case. */
public enum ReactionKind {
  LIKE("like");

  private final String key;

  ReactionKind(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  /** The kind a client named in {@code field}; an unknown one is a 400. */
  public static ReactionKind parse(String field, String value) {
    for (ReactionKind k : values()) {
      if (k.key.equals(value == null ? null : value.strip())) return k;
    }
    throw new InvalidParameter(field, "reaction.kind");
  }
}
