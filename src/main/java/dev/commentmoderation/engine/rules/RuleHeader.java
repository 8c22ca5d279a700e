package dev.commentmoderation.engine.rules;

import dev.commentmoderation.engine.Action;
import dev.commentmoderation.engine.Match;
import dev.commentmoderation.engine.Reason;

/** What every rule declares: its id, category, action and reader-facing reason. */
public record RuleHeader(String id, String category, Action action, Reason reason) {

  public Match match(String body, int start, int end) {
    return match(action, body, start, end);
  }

  public Match match(Action a, String body, int start, int end) {
    return new Match(id, category, a, start, end, body.substring(start, end), reason);
  }

  /** A match about the author or the article rather than the text: span 0..0. */
  public Match contextMatch(Action a, Reason r) {
    return new Match(id, category, a, 0, 0, "", r);
  }
}
