package dev.commentmoderation.engine;

/**
 * Everything the engine judges. The text fields are as the reader sent them (after trimming); the
 * context flags are computed by the service from its database.
 *
 * @param articlePremoderated the article's policy holds every comment
 * @param duplicateOfRecent the same text came recently from the same author or client
 */
public record Submission(
    String body,
    String authorName,
    String authorEmail,
    AuthorStanding standing,
    boolean articlePremoderated,
    boolean duplicateOfRecent) {

  /** A text judged as from an established author in good standing, as the dry run does. */
  public static Submission ofText(String body) {
    return new Submission(body, null, null, AuthorStanding.ESTABLISHED, false, false);
  }
}
