package dev.commentmoderation.rules.control;

import dev.commentmoderation.engine.RuleSetException;
import dev.commentmoderation.platform.web.Problem;
import dev.commentmoderation.platform.web.ProblemException;
import java.util.List;

/** A candidate rule set that does not load: 400, one violation per problem, with its line. */
public class InvalidRuleSet extends ProblemException {

  private final transient List<Problem.Violation> violations;

  public InvalidRuleSet(RuleSetException e) {
    super(400, "rules.invalid");
    this.violations =
        List.copyOf(
            e.problems().stream().map(p -> new Problem.Violation("rules", p.toString())).toList());
  }

  @Override
  public List<Problem.Violation> violations() {
    return List.copyOf(violations); // already unmodifiable: no copy is made
  }
}
