package dev.commentmoderation.engine.rules;

import dev.commentmoderation.engine.Action;
import dev.commentmoderation.engine.Match;
import dev.commentmoderation.engine.Reason;
import java.util.List;
import java.util.Set;

/** The article's policy holds every comment. */
public record ArticleRule(RuleHeader header) implements Rule {

  /** {@code type: article}: no fields of its own. */
  public static final RuleType TYPE =
      new RuleType(
          "article", Set.of(), Reason.PREMODERATION, Action.HOLD, (h, f) -> new ArticleRule(h));

  @Override
  public void apply(Inspection inspection, List<Match> out) {
    if (inspection.submission().articlePremoderated()) {
      out.add(header.contextMatch(header.action(), header.reason()));
    }
  }
}
