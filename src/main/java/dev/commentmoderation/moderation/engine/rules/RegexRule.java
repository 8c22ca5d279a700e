package dev.commentmoderation.moderation.engine.rules;

import dev.commentmoderation.moderation.engine.Action;
import dev.commentmoderation.moderation.engine.Match;
import dev.commentmoderation.moderation.engine.text.NormalizedText;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A regular expression over the folded text (default: disguises undone, spans mapped back) or the
 * original. Patterns with nested or ambiguous repetition are refused at load ({@link
 * RegexSafety}); on top of that every evaluation runs under a step budget, and a pattern that runs
 * out of it holds the comment for a person instead of guessing.
 */
public record RegexRule(RuleHeader header, Pattern pattern, boolean onOriginal) implements Rule {

  private static final long BUDGET_PER_CHAR = 200;
  private static final long BUDGET_BASE = 20_000;

  @Override
  public void apply(Inspection inspection, List<Match> out) {
    String body = inspection.body();
    NormalizedText t = onOriginal ? null : inspection.normalized();
    CharSequence text = onOriginal ? body : t.text();
    Matcher m = pattern.matcher(new StepBudget(text, BUDGET_BASE + BUDGET_PER_CHAR * text.length()));
    try {
      while (m.find()) {
        if (m.end() == m.start()) {
          continue;
        }
        int start = onOriginal ? m.start() : t.originalStart(m.start());
        int end = onOriginal ? m.end() : t.originalEnd(m.end() - 1);
        out.add(header.match(body, start, end));
      }
    } catch (StepBudget.Exhausted e) {
      Action held = header.action() == Action.FLAG ? Action.FLAG : Action.HOLD;
      out.add(header.match(held, body, 0, 0));
    }
  }
}
