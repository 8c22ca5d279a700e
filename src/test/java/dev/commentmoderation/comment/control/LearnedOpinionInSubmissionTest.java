package dev.commentmoderation.comment.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.commentmoderation.engine.Action;
import dev.commentmoderation.engine.AuthorStanding;
import dev.commentmoderation.engine.Decision;
import dev.commentmoderation.engine.Match;
import dev.commentmoderation.engine.Reason;
import dev.commentmoderation.engine.RuleEngine;
import dev.commentmoderation.engine.RuleSet;
import dev.commentmoderation.engine.Submission;
import dev.commentmoderation.engine.Verdict;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where the learned layer meets the submission path: it may add a hold, nothing else. */
class LearnedOpinionInSubmissionTest {

  static final CommentSubmission.Author AUTHOR = new CommentSubmission.Author("a", null, "h");
  static final Submission TEXT =
      new Submission("Земля плоская", "a", null, AuthorStanding.ESTABLISHED, false, false);

  static final LearnedOpinion HOLDS =
      (submission, rules) -> {
        List<Match> matches = new ArrayList<>(rules.matches());
        matches.add(new Match("learned", "learned", Action.HOLD, 6, 13, "плоская", Reason.REVIEW));
        return new Verdict(Decision.HOLD, matches, Reason.REVIEW, rules.ruleSetVersion());
      };

  static final LearnedOpinion REFUSES =
      (submission, rules) -> new Verdict(Decision.REJECT, List.of(), Reason.OTHER, "x");

  static PreparedComment judged(RuleEngine engine, LearnedOpinion learned) {
    return PreparedComment.judged(
        "news-1",
        null,
        AUTHOR,
        TEXT.body(),
        "hash",
        "ru",
        OffsetDateTime.now(),
        TEXT,
        engine,
        learned);
  }

  @Test
  void aHoldOfTheLearnedLayerIsStoredWithItsMatch() throws Exception {
    RuleEngine engine = new RuleEngine(RuleSet.parse("version: \"t\"\nrules: []\n"));
    PreparedComment held = judged(engine, HOLDS);
    assertEquals(Decision.HOLD, held.verdict().decision());
    assertEquals("learned", held.toEntity().topRule());
    // judged again as a repeat by rules that say nothing of repeats: the hold stays
    assertEquals(Decision.HOLD, held.asDuplicate(engine).verdict().decision());
  }

  @Test
  void anOpinionThatWouldRefuseIsIgnored() throws Exception {
    RuleEngine engine = new RuleEngine(RuleSet.parse("version: \"t\"\nrules: []\n"));
    assertEquals(Decision.APPROVE, judged(engine, REFUSES).verdict().decision());
  }
}
