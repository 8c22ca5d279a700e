package dev.commentmoderation.engine.rules;

import dev.commentmoderation.engine.Action;
import dev.commentmoderation.engine.Match;
import dev.commentmoderation.engine.text.NormalizedText;
import dev.commentmoderation.engine.text.TextNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A regular expression over the folded text (default: disguises undone, spans mapped back) or the
 * original. Patterns with nested or ambiguous repetition are refused at load ({@link RegexSafety});
 * on top of that every evaluation runs under a step budget, and a pattern that runs out of it holds
 * the comment for a person instead of guessing. {@code requires} lists literals of which one must
 * occur in the (folded) text before the pattern runs at all: regular expressions scan every
 * position, and most comments contain none of the literals.
 */
public record RegexRule(
    RuleHeader header, Pattern pattern, boolean onOriginal, java.util.List<String> requires)
    implements Rule {

  /**
   * {@code type: regex}: {@code pattern} (refused when it could backtrack), {@code text}
   * (normalized or original), {@code case-sensitive} (false), {@code requires}.
   */
  public static final RuleType TYPE =
      new RuleType(
          "regex",
          Set.of("pattern", "text", "case-sensitive", "requires"),
          null,
          null,
          RegexRule::build);

  private static RegexRule build(RuleHeader h, RuleFields f) {
    String pattern = f.scalar("pattern");
    String text = Optional.ofNullable(f.optionalScalar("text")).orElse("normalized");
    if (!text.equals("normalized") && !text.equals("original")) {
      f.problem("text", "rule " + h.id() + ": 'text' is normalized or original");
    }
    if (pattern == null) {
      return null;
    }
    Optional<String> unsafe = RegexSafety.problem(pattern);
    if (unsafe.isPresent()) {
      f.problem("pattern", "rule " + h.id() + ": pattern refused: " + unsafe.get());
      return null;
    }
    int flags =
        f.bool("case-sensitive", false) ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    try {
      List<String> requires = new ArrayList<>();
      for (String r : f.strings("requires")) {
        requires.add(text.equals("original") ? r : TextNormalizer.foldString(r));
      }
      return new RegexRule(h, Pattern.compile(pattern, flags), text.equals("original"), requires);
    } catch (PatternSyntaxException e) {
      f.problem(
          "pattern", "rule " + h.id() + ": not a valid regular expression: " + e.getDescription());
      return null;
    }
  }

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
    Matcher m =
        pattern.matcher(new StepBudget(text, BUDGET_BASE + BUDGET_PER_CHAR * text.length()));
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
