package dev.commentmoderation.comment.control;

import dev.commentmoderation.engine.Decision;
import dev.commentmoderation.engine.Submission;
import dev.commentmoderation.engine.Verdict;

/**
 * A second look, by a model learned from the moderators' decisions, at what the rules would
 * publish. An interface to invert the dependency, like {@link RulesInForce}: the learned component
 * implements it and sits above comment. It may only hold: {@link #onlyHolds} keeps any
 * implementation to that.
 */
public interface LearnedOpinion {

  /** The rules' verdict, or the same with a learned HOLD match added. */
  Verdict review(Submission submission, Verdict rules);

  /**
   * The verdict that stands: the rules' own unless they would publish and the second look holds. A
   * refusal or hold of the rules is never changed and nothing becomes a refusal.
   */
  static Verdict onlyHolds(Verdict rules, Verdict reviewed) {
    if (rules.decision() != Decision.APPROVE || reviewed == null) return rules;
    return reviewed.decision() == Decision.HOLD ? reviewed : rules;
  }
}
