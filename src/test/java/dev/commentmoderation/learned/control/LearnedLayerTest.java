package dev.commentmoderation.learned.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.commentmoderation.comment.control.LearnedOpinion;
import dev.commentmoderation.engine.Action;
import dev.commentmoderation.engine.AuthorStanding;
import dev.commentmoderation.engine.Decision;
import dev.commentmoderation.engine.Match;
import dev.commentmoderation.engine.Reason;
import dev.commentmoderation.engine.Submission;
import dev.commentmoderation.engine.Verdict;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The learned layer trained on a generated decision history, without a container. */
class LearnedLayerTest {

  static final double THRESHOLD = 0.85;
  static List<Training.Example> history;
  static Training.Result trained;
  static LearnedReview layer;

  @BeforeAll
  static void train() {
    history = DecisionHistory.of(150, 150, 7);
    assertTrue(Training.count(history).enough(new Training.Minimum(200, 50)));
    trained = Training.train(history, THRESHOLD);
    layer = new LearnedReview(3, THRESHOLD, trained.model());
  }

  static Verdict approved(Match... flags) {
    return new Verdict(Decision.APPROVE, List.of(flags), null, "rules-1");
  }

  static Submission submission(String body) {
    return new Submission(body, "reader", null, AuthorStanding.ESTABLISHED, false, false);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Заработок на дому без вложений, пишите в личку!",
        "Доход от 5000 в день — подробности в профиле",
        "Все эти приезжие — крысы и паразиты.",
        "Такие люди — гниды, их давить надо"
      })
  void holdsWhatModeratorsRejectedWithItsReasons(String body) {
    Verdict verdict = layer.review(submission(body), approved());
    assertEquals(Decision.HOLD, verdict.decision(), body);
    assertEquals(Reason.REVIEW, verdict.reason());
    Match learned = verdict.matches().get(verdict.matches().size() - 1);
    assertEquals("learned", learned.rule());
    assertEquals(Action.HOLD, learned.action());
    assertTrue(learned.end() > learned.start(), "a span of the text");
    assertEquals(body.substring(learned.start(), learned.end()), learned.excerpt());
    assertNotNull(learned.learned());
    assertEquals("v3", learned.learned().model());
    assertTrue(learned.learned().probability() >= THRESHOLD);
    assertFalse(learned.learned().features().isEmpty());
    assertTrue(learned.learned().features().size() <= TextClassifier.TOP_FEATURES);
    learned.learned().features().forEach(f -> assertTrue(f.weight() > 0, f.toString()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Дороги в городе ужасные, министр должен уйти в отставку.",
        "Спасибо редакции за подробный разбор бюджета мэрии.",
        "Депутаты опять подвели людей, это позор.",
        "Суд принял решение, прокуратура должна проверить расходы."
      })
  void leavesAloneWhatModeratorsApproved(String body) {
    Verdict rules = approved();
    assertSame(rules, layer.review(submission(body), rules), body);
  }

  @Test
  void disguisedWordsFoldAsTheEngineFoldsThem() {
    // Latin look-alikes and spaced letters: the engine's forms, which the model reads
    Verdict verdict = layer.review(submission("Все они — kрысы и пaрaзиты"), approved());
    assertEquals(Decision.HOLD, verdict.decision());
  }

  @Test
  void neverRefusesAndNeverChangesWhatTheRulesHeldOrRefused() {
    Random random = new Random(11);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      texts.add(DecisionHistory.rejected(random));
      texts.add(DecisionHistory.approved(random));
    }
    Match insult = new Match("insult", "insult", Action.HOLD, 0, 3, "abc", Reason.INSULT);
    Match obscene =
        new Match("obscenity", "obscenity", Action.REJECT, 0, 3, "abc", Reason.PROFANITY);
    Verdict held = new Verdict(Decision.HOLD, List.of(insult), Reason.INSULT, "rules-1");
    Verdict refused = new Verdict(Decision.REJECT, List.of(obscene), Reason.PROFANITY, "rules-1");
    for (String text : texts) {
      assertTrue(layer.review(submission(text), approved()).decision() != Decision.REJECT);
      assertSame(held, layer.review(submission(text), held));
      assertSame(refused, layer.review(submission(text), refused));
    }
  }

  @Test
  void theSubmissionPathKeepsAnyOpinionToHolding() {
    Verdict rules = approved();
    Verdict rogue = new Verdict(Decision.REJECT, List.of(), Reason.OTHER, "x");
    assertSame(rules, LearnedOpinion.onlyHolds(rules, rogue));
    Verdict hold = layer.review(submission("Все они — крысы, их надо травить."), rules);
    assertSame(hold, LearnedOpinion.onlyHolds(rules, hold));
    Verdict refused = new Verdict(Decision.REJECT, List.of(), Reason.PROFANITY, "r");
    assertSame(refused, LearnedOpinion.onlyHolds(refused, hold));
  }

  @Test
  void measuresPrecisionAndRecallOnHeldOutDecisions() {
    Training.Metrics m = trained.metrics();
    assertEquals(60, m.testExamples(), "every fifth id of 300");
    assertTrue(m.precision() >= 0.9, m.toString());
    assertTrue(m.recall() >= 0.8, m.toString());
    assertEquals(new Training.Counts(150, 150), trained.counts());
  }

  @Test
  void staysOffWithTooFewDecisions() {
    var minimum = new Training.Minimum(200, 50);
    assertFalse(Training.count(DecisionHistory.of(40, 170, 1)).enough(minimum), "too few rejected");
    assertFalse(Training.count(DecisionHistory.of(90, 90, 1)).enough(minimum), "too few in all");
    assertTrue(Training.count(DecisionHistory.of(50, 150, 1)).enough(minimum));
    Verdict rules = approved();
    assertSame(rules, new ActiveModel().review(submission("Все они — крысы"), rules));
  }

  @Test
  void trainingIsDeterministicWhateverTheOrderOfTheDecisions() {
    List<Training.Example> shuffled = new ArrayList<>(history);
    Collections.shuffle(shuffled, new Random(99));
    byte[] again = Training.train(shuffled, THRESHOLD).model().serialize();
    assertArrayEquals(trained.model().serialize(), again);
  }

  @Test
  void aStoredModelScoresAsTheTrainedOne() {
    TextClassifier stored = TextClassifier.deserialize(trained.model().serialize());
    assertEquals(trained.model().size(), stored.size());
    for (Training.Example e : history.subList(0, 40)) {
      assertEquals(
          trained.model().probability(e.body(), e.flaggedBy()),
          stored.probability(e.body(), e.flaggedBy()),
          1e-4);
    }
  }

  @Test
  void flagsOfTheRulesAreReadAsFeatures() {
    Match link = new Match("links", "spam", Action.FLAG, 0, 1, "x", Reason.LINKS);
    assertEquals(List.of("links"), LearnedReview.flaggedBy(approved(link)));
    assertTrue(
        NgramFeatures.of("abc", List.of("links")).stream()
            .anyMatch(o -> o.feature().equals("flag:links") && o.start() == 0 && o.end() == 0));
  }
}
