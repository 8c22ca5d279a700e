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
 * out of it holds the comment for a person instead of guessing. {@code requires} lists literals of
 * which one must occur in the (folded) text before the pattern runs at all: regular expressions
 * scan every position, and most comments contain none of the literals.
 */
public record RegexRule(
    RuleHeader header, Pattern pattern, boolean onOriginal, java.util.List<String> requires)
    implements Rule {

  private static final long BUDGET_PER_CHAR = 200;
  private static final long BUDGET_BASE = 20_000;

  @Override
  public void apply(Inspection inspection, List<Match> out) {
    String body = inspection.body();
    NormalizedText t = onOriginal ? null : inspection.normalized();
    String text = onOriginal ? body : t.text();
    if (!requires.isEmpty() && requires.stream().noneMatch(text::contains)) {
      return;
    }
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
