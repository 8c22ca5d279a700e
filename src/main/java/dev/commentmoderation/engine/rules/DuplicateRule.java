package dev.commentmoderation.engine.rules;

import dev.commentmoderation.engine.Action;
import dev.commentmoderation.engine.Match;
import dev.commentmoderation.engine.Reason;
import java.util.List;
import java.util.Set;

/** The service saw the same text from the same author or client moments ago. */
public record DuplicateRule(RuleHeader header) implements Rule {

  /** {@code type: duplicate}: no fields of its own. */
  public static final RuleType TYPE =
      new RuleType(
          "duplicate", Set.of(), Reason.DUPLICATE, Action.HOLD, (h, f) -> new DuplicateRule(h));

  @Override
  public void apply(Inspection inspection, List<Match> out) {
    if (inspection.submission().duplicateOfRecent()) {
      out.add(header.contextMatch(header.action(), header.reason()));
    }
  }
}
