package dev.commentmoderation.learned.control;

import dev.commentmoderation.engine.Action;
import dev.commentmoderation.engine.Decision;
import dev.commentmoderation.engine.Evidence;
import dev.commentmoderation.engine.Match;
import dev.commentmoderation.engine.Reason;
import dev.commentmoderation.engine.Submission;
import dev.commentmoderation.engine.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * One model version with its threshold, and what it does to a verdict: when the rules would publish
 * and the probability of rejection reaches the threshold, the comment is held with a {@code
 * learned} match on the span weighing most and the n-grams that weighed most. Anything else passes
 * as it is.
 */
public record LearnedReview(int version, double threshold, TextClassifier classifier) {

  public static final String RULE = "learned";
  public static final String CATEGORY = "learned";

  public static String model(int version) {
    return "v" + version;
  }

  public Verdict review(Submission submission, Verdict rules) {
    if (rules.decision() != Decision.APPROVE) return rules;
    List<String> flagged = flaggedBy(rules);
    String body = submission.body();
    if (classifier.probability(body, flagged) < threshold) return rules;
    TextClassifier.Score score = classifier.score(body, flagged);
    List<Match> matches = new ArrayList<>(rules.matches());
    matches.add(
        new Match(
            RULE,
            CATEGORY,
            Action.HOLD,
            score.start(),
            score.end(),
            body.substring(score.start(), score.end()),
            Reason.REVIEW,
            new Evidence(
                model(version),
                Math.round(score.probability() * 1000) / 1000.0,
                threshold,
                score.top())));
    return new Verdict(Decision.HOLD, matches, Reason.REVIEW, rules.ruleSetVersion());
  }

  /** The rules that only flagged: the engine's weaker signals, which the model reads too. */
  public static List<String> flaggedBy(Verdict verdict) {
    return verdict.matches().stream()
        .filter(m -> m.action() == Action.FLAG && !RULE.equals(m.rule()))
        .map(Match::rule)
        .distinct()
        .sorted()
        .toList();
  }
}
