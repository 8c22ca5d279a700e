package dev.commentmoderation.rules.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.commentmoderation.engine.Action;
import dev.commentmoderation.engine.AuthorStanding;
import dev.commentmoderation.engine.Decision;
import dev.commentmoderation.engine.Match;
import dev.commentmoderation.engine.Reason;
import dev.commentmoderation.engine.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class BacktestTest {

  static Match context(String rule) {
    return new Match(rule, "author", Action.HOLD, 0, 0, "", Reason.FIRST_COMMENT);
  }

  @Test
  void replaysTheStandingAndPolicyTheStoredVerdictRecorded() {
    var first =
        Backtest.replay(
            "text",
            "n",
            null,
            new Verdict(
                Decision.HOLD,
                List.of(context("first-comment"), context("article-premoderated")),
                Reason.FIRST_COMMENT,
                "v1"));
    assertEquals(AuthorStanding.NEW, first.standing());
    assertTrue(first.articlePremoderated());
    assertFalse(first.duplicateOfRecent());

    var banned =
        Backtest.replay(
            "text",
            "n",
            null,
            new Verdict(
                Decision.REJECT,
                List.of(context("banned-author"), context("duplicate")),
                Reason.BANNED,
                "v1"));
    assertEquals(AuthorStanding.BANNED, banned.standing());
    assertTrue(banned.duplicateOfRecent());

    var plain =
        Backtest.replay("text", "n", null, new Verdict(Decision.APPROVE, List.of(), null, "v1"));
    assertEquals(AuthorStanding.ESTABLISHED, plain.standing());
  }

  @Test
  void onlyPublishingWhatModeratorsRejectedOrRefusingWhatTheyApprovedContradictsThem() {
    var approved = dev.commentmoderation.comment.entity.CommentStatus.APPROVED;
    var rejected = dev.commentmoderation.comment.entity.CommentStatus.REJECTED;
    assertTrue(Backtest.contradicts(Decision.REJECT, approved));
    assertTrue(Backtest.contradicts(Decision.APPROVE, rejected));
    assertFalse(Backtest.contradicts(Decision.HOLD, approved));
    assertFalse(Backtest.contradicts(Decision.APPROVE, approved));
    assertFalse(Backtest.contradicts(Decision.REJECT, null));
  }
}
