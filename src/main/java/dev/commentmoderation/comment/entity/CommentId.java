package dev.commentmoderation.comment.entity;

/** A comment's id as it travels between components (the API spells it as a decimal string). */
public record CommentId(long value) {

  /** The id a client sent; one that cannot be a comment's is a comment that does not exist. */
  public static CommentId parse(String text) {
    try {
      return new CommentId(Long.parseLong(text.strip()));
    } catch (NumberFormatException e) {
      throw new CommentNotFound();
    }
  }

  @Override
  public String toString() {
    return String.valueOf(value);
  }
}
