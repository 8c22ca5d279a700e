/**
 * Readers' reactions to published comments: one like per reader (the key of {@code
 * comment.control.Readers}) and comment, counted forward on the comment, so the thread shows {@code
 * likes} and sorts by it without counting rows.
 */
package dev.commentmoderation.reaction;
