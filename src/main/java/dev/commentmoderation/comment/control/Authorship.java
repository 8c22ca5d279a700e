package dev.commentmoderation.comment.control;

import dev.commentmoderation.comment.entity.Comment;

/**
 * What a reader shows to prove a comment is theirs: the reader the site signed in ({@code
 * readerId}, null when anonymous) or the edit token returned once when the comment was accepted.
 * Either suffices; anything else is someone else.
 */
public record Authorship(String editToken, Long readerId) {

  boolean proves(Comment comment) {
    if (readerId != null && readerId.equals(comment.readerId())) return true;
    return EditTokens.matches(comment.editTokenHash(), editToken);
  }
}
