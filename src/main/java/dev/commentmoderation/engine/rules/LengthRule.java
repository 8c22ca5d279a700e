package dev.commentmoderation.engine.rules;

import dev.commentmoderation.engine.Action;
import dev.commentmoderation.engine.Match;
import dev.commentmoderation.engine.Reason;
import java.util.List;
import java.util.Set;

/** Too short or too long, counted in code points of the trimmed body. */
public record LengthRule(RuleHeader header, int min, int max) implements Rule {

  /** {@code type: length}: {@code min} (1), {@code max} (10,000) code points. */
  public static final RuleType TYPE =
      new RuleType(
          "length",
          Set.of("min", "max"),
          Reason.LENGTH,
          Action.HOLD,
          (h, f) ->
              new LengthRule(
                  h, f.integer("min", 1, 0, 1_000_000), f.integer("max", 10_000, 1, 10_000_000)));

  @Override
  public void apply(Inspection inspection, List<Match> out) {
    String body = inspection.body();
    String trimmed = body.strip();
    int length = trimmed.codePointCount(0, trimmed.length());
    if (length < min || length > max) {
      out.add(header.match(body, 0, body.length()));
    }
  }
}
