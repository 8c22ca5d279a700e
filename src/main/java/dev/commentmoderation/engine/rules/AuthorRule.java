package dev.commentmoderation.engine.rules;

import dev.commentmoderation.engine.Action;
import dev.commentmoderation.engine.AuthorStanding;
import dev.commentmoderation.engine.Match;
import dev.commentmoderation.engine.Reason;
import java.util.List;
import java.util.Set;

/**
 * The author's standing. {@code onNew} is null when first comments are not held; banned and
 * premoderated authors have their own actions (null: no effect).
 */
public record AuthorRule(RuleHeader header, Action onNew, Action onPremoderated, Action onBanned)
    implements Rule {

  /**
   * {@code type: author}: {@code new} (off), {@code premoderated} (hold), {@code banned} (reject).
   */
  public static final RuleType TYPE =
      new RuleType(
          "author",
          Set.of("new", "premoderated", "banned"),
          Reason.PREMODERATION,
          Action.HOLD,
          (h, f) ->
              new AuthorRule(
                  h,
                  f.optionalAction("new", null),
                  f.optionalAction("premoderated", Action.HOLD),
                  f.optionalAction("banned", Action.REJECT)));

  @Override
  public void apply(Inspection inspection, List<Match> out) {
    switch (inspection.submission().standing() == null
        ? AuthorStanding.ESTABLISHED
        : inspection.submission().standing()) {
      case NEW -> add(out, onNew, Reason.FIRST_COMMENT);
      case PREMODERATED -> add(out, onPremoderated, Reason.PREMODERATION);
      case BANNED -> add(out, onBanned, Reason.BANNED);
      default -> {}
    }
  }

  private void add(List<Match> out, Action a, Reason r) {
    if (a != null) {
      out.add(header.contextMatch(a, r));
    }
  }
}
