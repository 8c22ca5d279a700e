package dev.commentmoderation.comment.entity;

import dev.commentmoderation.engine.Match;
import dev.commentmoderation.engine.Verdict;
import dev.commentmoderation.platform.web.JsonConfiguration;
import java.util.Comparator;
import java.util.List;

/** The stored form of a verdict: JSON in the comment's row, read back for moderators. */
public final class VerdictJson {

  /** The column's size; a flood of matches is cut to the strongest ones that fit. */
  public static final int MAX_LENGTH = 30_000;

  private VerdictJson() {}

  public static String write(Verdict verdict) {
    String json = JsonConfiguration.JSONB.toJson(verdict);
    if (json.length() <= MAX_LENGTH) return json;
    List<Match> strongestFirst =
        verdict.matches().stream().sorted(Comparator.comparing(Match::action).reversed()).toList();
    int keep = strongestFirst.size();
    while (json.length() > MAX_LENGTH && keep > 0) {
      keep /= 2;
      json =
          JsonConfiguration.JSONB.toJson(
              new Verdict(
                  verdict.decision(),
                  strongestFirst.subList(0, keep),
                  verdict.reason(),
                  verdict.ruleSetVersion()));
    }
    return json;
  }

  public static Verdict read(String json) {
    return JsonConfiguration.JSONB.fromJson(json, Verdict.class);
  }
}
