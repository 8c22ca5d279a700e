package dev.commentmoderation.engine.rules;

import dev.commentmoderation.engine.Match;
import dev.commentmoderation.engine.lexicon.LexiconMatcher;
import java.util.List;

/** All {@code words} rules of a rule set, run together in one pass. */
public record LexiconRule(LexiconMatcher matcher) implements Rule {
  @Override
  public void apply(Inspection inspection, List<Match> out) {
    if (!inspection.body().isEmpty()) {
      matcher.match(inspection.words(), out);
    }
  }
}
