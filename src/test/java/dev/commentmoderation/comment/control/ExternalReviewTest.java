package dev.commentmoderation.comment.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.commentmoderation.comment.control.ExternalClassifier.Finding;
import dev.commentmoderation.comment.entity.VerdictJson;
import dev.commentmoderation.engine.Action;
import dev.commentmoderation.engine.AuthorStanding;
import dev.commentmoderation.engine.Decision;
import dev.commentmoderation.engine.Match;
import dev.commentmoderation.engine.Reason;
import dev.commentmoderation.engine.RuleEngine;
import dev.commentmoderation.engine.RuleSet;
import dev.commentmoderation.engine.Submission;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The external classifier's step, wired by hand with a classifier that answers what it is told. */
class ExternalReviewTest {

  private static final RuleEngine ENGINE = new RuleEngine(RuleSet.builtIn());

  /** Answers the findings it was given and remembers what it was asked. */
  static final class Scripted implements ExternalClassifier {
    final List<Query> asked = new ArrayList<>();
    List<Finding> answer = List.of();

    @Override
    public boolean enabled() {
      return true;
    }

    @Override
    public List<Finding> classify(Query query) {
      asked.add(query);
      return answer;
    }
  }

  private final Scripted classifier = new Scripted();
  private final ExternalReview review = new ExternalReview();

  {
    review.classifier = classifier;
  }

  private static PreparedComment judged(String body) {
    return PreparedComment.judged(
        "news-1",
        null,
        new CommentSubmission.Author("Айбек", "a@example.kg", "client"),
        body,
        CommentSubmission.bodyHash(body),
        "ru",
        OffsetDateTime.parse("2026-12-07T03:00:00Z"),
        new Submission(body, "Айбек", "a@example.kg", AuthorStanding.ESTABLISHED, false, false),
        ENGINE,
        (submission, rules) -> rules);
  }

  @Test
  void aFindingHoldsWhatTheRulesWouldPublishAndTheModeratorSeesWhy() {
    String body = "Хорошая статья, но хотелось бы подробнее о ценах.";
    PreparedComment rules = judged(body);
    assertEquals(Decision.APPROVE, rules.verdict().decision());
    classifier.answer = List.of(new Finding("threat", 0.97, 7, 28));

    PreparedComment held = review.reviewed(rules);

    assertEquals(Decision.HOLD, held.verdict().decision());
    assertEquals(Reason.THREAT, held.verdict().reason());
    Match external = held.verdict().matches().get(held.verdict().matches().size() - 1);
    assertEquals(
        new Match("external", "threat", Action.HOLD, 7, 28, body.substring(7, 28), Reason.THREAT),
        external);
    assertEquals(held.verdict(), VerdictJson.read(held.verdictJson()), "stored as judged");
    assertEquals("threat", held.toEntity().topCategory());
    assertEquals("external", held.toEntity().topRule());
    assertEquals(
        List.of(new ExternalClassifier.Query("news-1", body, "Айбек", "ru", null)),
        classifier.asked);
  }

  @Test
  void nothingFoundLeavesTheRulesVerdict() {
    PreparedComment rules = judged("Спасибо за новость, очень важная тема.");
    assertSame(rules, review.reviewed(rules));
    assertEquals(1, classifier.asked.size());
  }

  @Test
  void aRefusalOrAHoldIsNeverAskedAbout() {
    classifier.answer = List.of(new Finding("toxicity", 0.99, 0, 5));
    PreparedComment refused = judged("Пиздец, опять цены подняли");
    PreparedComment held = judged("Автор — идиот, ничего не понимает");
    assertEquals(Decision.REJECT, refused.verdict().decision());
    assertEquals(Decision.HOLD, held.verdict().decision());
    assertSame(refused, review.reviewed(refused));
    assertSame(held, review.reviewed(held));
    assertTrue(classifier.asked.isEmpty());
  }

  @Test
  void holdsAddedAfterTheEngineNeverRefuseNorPublish() {
    Match hold = new Match("external", "toxicity", Action.HOLD, 0, 1, "x", Reason.INSULT);
    PreparedComment refused = judged("Пиздец, опять цены подняли");
    var stillRefused = PreparedComment.withHolds(refused.verdict(), List.of(hold));
    assertEquals(Decision.REJECT, stillRefused.decision());
    assertEquals(refused.verdict().reason(), stillRefused.reason());
    PreparedComment held = judged("Автор — идиот, ничего не понимает");
    var stillHeld = PreparedComment.withHolds(held.verdict(), List.of(hold));
    assertEquals(Decision.HOLD, stillHeld.decision());
    assertEquals(held.verdict().reason(), stillHeld.reason(), "the rules' reason stays");
    assertThrows(
        IllegalArgumentException.class,
        () ->
            PreparedComment.withHolds(
                refused.verdict(),
                List.of(new Match("external", "x", Action.REJECT, 0, 0, "", Reason.OTHER))));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            PreparedComment.withHolds(
                refused.verdict(),
                List.of(new Match("external", "x", Action.FLAG, 0, 0, "", Reason.OTHER))));
  }

  @Test
  void judgedAgainAsADuplicateTheHoldStays() {
    classifier.answer = List.of(new Finding("threat", 0.9, 0, 6));
    PreparedComment held = review.reviewed(judged("Спасибо за новость, очень важная тема."));
    PreparedComment again = held.asDuplicate(ENGINE);
    assertNotEquals(Decision.APPROVE, again.verdict().decision());
    assertTrue(
        again.verdict().matches().stream().anyMatch(m -> m.rule().equals("external")),
        again.verdict()::toString);
  }

  @Test
  void spansAreKeptInsideTheBodyAndCategoriesMapToReasons() {
    assertEquals(
        new Match("external", "spam", Action.HOLD, 2, 3, "c", Reason.SPAM),
        ExternalReview.match("abc", new Finding("spam", 0.9, 2, 99)));
    assertEquals(Reason.HATE, ExternalReview.reason("IDENTITY_ATTACK"));
    assertEquals(Reason.INSULT, ExternalReview.reason("toxicity"));
    assertEquals(Reason.PROFANITY, ExternalReview.reason("obscene"));
    assertEquals(Reason.THREAT, ExternalReview.reason("threat"));
    assertEquals(Reason.PRIVACY, ExternalReview.reason("doxxing"));
    assertEquals(Reason.OTHER, ExternalReview.reason("something-new"));
  }
}
