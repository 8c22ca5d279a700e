package dev.commentmoderation.comment.control;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

/**
 * The duplicate rule's memory while a batch is written: the texts (by body hash) each client and
 * each e-mail address sent within the window, from the database and from earlier comments of the
 * same batch, so that the same text twice within a few milliseconds is still a duplicate.
 */
final class RecentTexts {

  private final Duration window;
  private final Map<String, OffsetDateTime> latest = new HashMap<>();

  RecentTexts(Duration window) {
    this.window = window;
  }

  void add(String bodyHash, String clientHash, String email, OffsetDateTime at) {
    if (clientHash != null) latest.merge(bodyHash + " c " + clientHash, at, RecentTexts::later);
    if (email != null) latest.merge(bodyHash + " e " + email, at, RecentTexts::later);
  }

  /**
   * The same text from the same client or the same e-mail address within the window before {@code
   * at}.
   */
  boolean repeats(String bodyHash, String clientHash, String email, OffsetDateTime at) {
    OffsetDateTime since = at.minus(window);
    return (clientHash != null && after(latest.get(bodyHash + " c " + clientHash), since))
        || (email != null && after(latest.get(bodyHash + " e " + email), since));
  }

  private static boolean after(OffsetDateTime t, OffsetDateTime since) {
    return t != null && t.isAfter(since);
  }

  private static OffsetDateTime later(OffsetDateTime a, OffsetDateTime b) {
    return a.isAfter(b) ? a : b;
  }
}
