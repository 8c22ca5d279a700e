package dev.commentmoderation.comment.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.commentmoderation.engine.Action;
import dev.commentmoderation.engine.Decision;
import dev.commentmoderation.engine.Evidence;
import dev.commentmoderation.engine.Match;
import dev.commentmoderation.engine.Reason;
import dev.commentmoderation.engine.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictJsonTest {

  @Test
  void roundTrips() {
    var verdict =
        new Verdict(
            Decision.HOLD,
            List.of(new Match("insult", "insult", Action.HOLD, 6, 11, "идиот", Reason.INSULT)),
            Reason.INSULT,
            "7");
    assertEquals(verdict, VerdictJson.read(VerdictJson.write(verdict)));
  }

  @Test
  void aLearnedMatchRoundTripsWithItsNgrams() {
    var evidence = new Evidence("v3", 0.93, 0.85, List.of(new Evidence.Feature(" крыс", 1.25)));
    var verdict =
        new Verdict(
            Decision.HOLD,
            List.of(
                new Match(
                    "learned", "learned", Action.HOLD, 0, 5, "крысы", Reason.REVIEW, evidence)),
            Reason.REVIEW,
            "7");
    assertEquals(verdict, VerdictJson.read(VerdictJson.write(verdict)));
  }

  @Test
  void aVerdictStoredBeforeTheLearnedLayerStillReads() {
    String stored =
        "{\"decision\":\"HOLD\",\"matches\":[{\"action\":\"HOLD\",\"category\":\"insult\","
            + "\"end\":11,\"excerpt\":\"идиот\",\"reason\":\"INSULT\",\"rule\":\"insult\","
            + "\"start\":6}],\"reason\":\"INSULT\",\"ruleSetVersion\":\"7\"}";
    var verdict = VerdictJson.read(stored);
    assertEquals(
        new Match("insult", "insult", Action.HOLD, 6, 11, "идиот", Reason.INSULT),
        verdict.matches().get(0));
  }

  @Test
  void aFloodOfMatchesIsCutToTheStrongestThatFit() {
    List<Match> matches = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      matches.add(new Match("links", "spam", Action.FLAG, i, i + 1, "x", Reason.LINKS));
    }
    matches.add(
        new Match("obscenity", "obscenity", Action.REJECT, 0, 5, "хуйня", Reason.PROFANITY));
    var verdict = new Verdict(Decision.REJECT, matches, Reason.PROFANITY, "7");
    String json = VerdictJson.write(verdict);
    assertTrue(json.length() <= VerdictJson.MAX_LENGTH, "length " + json.length());
    var stored = VerdictJson.read(json);
    assertEquals(Decision.REJECT, stored.decision());
    assertEquals("obscenity", stored.matches().get(0).rule());
  }
}
