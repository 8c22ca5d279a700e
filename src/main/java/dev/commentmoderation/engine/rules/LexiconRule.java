package dev.commentmoderation.engine.rules;

import dev.commentmoderation.engine.Match;
import dev.commentmoderation.engine.lexicon.LexiconMatcher;
import dev.commentmoderation.engine.lexicon.NearRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * All {@code words} and {@code near} rules of a rule set, run together in one automaton pass: the
 * hits of a words rule are its matches, the hits of a near rule's lexicons go to that rule, which
 * pairs them.
 */
public final class LexiconRule implements Rule {

  private final LexiconMatcher matcher;
  private final List<NearRule> near;
  private final Map<String, NearRule> nearByList = new HashMap<>();

  public LexiconRule(LexiconMatcher matcher) {
    this(matcher, List.of());
  }

  /** {@code matcher} must hold the lists of every rule in {@code near}. */
  public LexiconRule(LexiconMatcher matcher, List<NearRule> near) {
    this.matcher = matcher;
    this.near = List.copyOf(near);
    for (NearRule r : near) {
      r.lists().forEach(l -> nearByList.put(l.id(), r));
    }
  }

  @Override
  public void apply(Inspection inspection, List<Match> out) {
    if (inspection.body().isEmpty()) {
      return;
    }
    if (near.isEmpty()) {
      matcher.match(inspection.words(), out);
      return;
    }
    List<Match> found = new ArrayList<>();
    matcher.match(inspection.words(), found);
    Map<NearRule, List<Match>> hits = null;
    for (Match m : found) {
      NearRule r = nearByList.get(m.rule());
      if (r == null) {
        out.add(m);
      } else {
        if (hits == null) {
          hits = new HashMap<>();
        }
        hits.computeIfAbsent(r, k -> new ArrayList<>()).add(m);
      }
    }
    if (hits == null) {
      return;
    }
    for (NearRule r : near) {
      List<Match> h = hits.get(r);
      if (h != null && h.size() > 1) {
        r.pair(inspection.words(), inspection.body(), h, out);
      }
    }
  }
}
