package dev.commentmoderation.comment.entity;

/**
 * Something other than a submission, decision or report changed what an article's public thread
 * shows (a deletion, a bulk change, an edit). Fire it inside the changing transaction: the cached
 * thread of this instance is dropped after the commit, and on PostgreSQL every other instance's
 * too.
 */
public record ThreadChanged(String articleId) {}
