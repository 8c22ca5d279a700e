package dev.commentmoderation.engine;

import dev.commentmoderation.engine.rules.Inspection;
import dev.commentmoderation.engine.rules.Rule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Judges submissions against one immutable {@link RuleSet}. Thread-safe. */
public final class RuleEngine {

  /**
   * Hostile input can hit one rule thousands of times; the verdict keeps the first few per rule,
   * which is all a moderator reads and keeps the stored JSON small.
   */
  static final int MAX_MATCHES_PER_RULE = 50;

  private static final Comparator<Match> ORDER =
      Comparator.comparingInt(Match::start).thenComparingInt(Match::end).thenComparing(Match::rule);

  private final RuleSet rules;

  public RuleEngine(RuleSet rules) {
    this.rules = rules;
  }

  public RuleSet ruleSet() {
    return rules;
  }

  public Verdict evaluate(Submission submission) {
    Inspection inspection = new Inspection(submission);
    List<Match> matches = new ArrayList<>();
    for (Rule rule : rules.rules()) {
      int before = matches.size();
      rule.apply(inspection, matches);
      if (matches.size() - before > 1) {
        mergeAndCap(matches, before);
      }
    }
    matches.sort(ORDER);
    Match strongest = null;
    for (Match m : matches) {
      if (strongest == null || m.action().compareTo(strongest.action()) > 0) {
        strongest = m;
      }
    }
    if (strongest == null || strongest.action() == Action.FLAG) {
      return new Verdict(Decision.APPROVE, matches, null, rules.version());
    }
    return new Verdict(strongest.action().decision(), matches, strongest.reason(), rules.version());
  }

  /**
   * Overlapping matches of one rule become one span with the stronger action; each rule keeps at
   * most {@link #MAX_MATCHES_PER_RULE}.
   */
  private static void mergeAndCap(List<Match> matches, int from) {
    List<Match> added = new ArrayList<>(matches.subList(from, matches.size()));
    matches.subList(from, matches.size()).clear();
    added.sort(ORDER);
    List<Match> merged = new ArrayList<>();
    for (Match m : added) {
      Match last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null
          && last.rule().equals(m.rule())
          && m.start() < last.end()
          && last.end() > last.start()) {
        int end = Math.max(last.end(), m.end());
        Action a = m.action().compareTo(last.action()) > 0 ? m.action() : last.action();
        merged.set(
            merged.size() - 1,
            new Match(
                last.rule(),
                last.category(),
                a,
                last.start(),
                end,
                joinExcerpt(last, m, end),
                last.reason()));
        continue;
      }
      merged.add(m);
    }
    Map<String, Integer> perRule = new HashMap<>();
    for (Match m : merged) {
      if (perRule.merge(m.rule(), 1, Integer::sum) <= MAX_MATCHES_PER_RULE) {
        matches.add(m);
      }
    }
  }

  private static String joinExcerpt(Match first, Match second, int end) {
    if (end == first.end()) {
      return first.excerpt();
    }
    int overlap = first.end() - second.start();
    return first.excerpt() + second.excerpt().substring(overlap);
  }
}
