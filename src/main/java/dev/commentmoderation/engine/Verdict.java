package dev.commentmoderation.engine;

import java.util.List;

/**
 * The engine's answer: the decision of the strongest match (APPROVE when none), every match, the
 * reader-facing reason of the strongest match (null on APPROVE) and the rule-set version that
 * produced it.
 */
public record Verdict(
    Decision decision, List<Match> matches, Reason reason, String ruleSetVersion) {
  public Verdict {
    matches = List.copyOf(matches);
  }
}
