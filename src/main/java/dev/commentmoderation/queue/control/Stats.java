package dev.commentmoderation.queue.control;

import dev.commentmoderation.comment.entity.CommentStatus;
import dev.commentmoderation.comment.entity.VerdictJson;
import dev.commentmoderation.engine.Decision;
import dev.commentmoderation.platform.Clocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the queue and the rules are doing, from the stored comments: the engine's decision and
 * strongest rule at submission, and the status moderators left. A held comment counts as decided
 * once a moderator decided it, and as overturned when it ended up published; a refused comment
 * counts as decided (it stands unless reversed) and as overturned when an admin reversed it.
 */
@ApplicationScoped
@Transactional
public class Stats {

  static final int MAX_DECISIONS = 50_000;

  @Inject EntityManager em;
  @Inject ModerationQueue queue;
  @Inject Clock clock;

  public record RuleOutcome(
      String rule,
      String ruleSetVersion,
      long held,
      long refused,
      long decided,
      long overturned,
      Double precision) {}

  /**
   * Per version of the learned layer: comments it held (the rules alone would have published them),
   * how many a moderator decided, how many of those were rejected, and that share.
   */
  public record LearnedOutcome(
      String model, long held, long decided, long rejected, Double precision) {}

  public record Result(
      int days,
      long queueDepth,
      Instant oldestPendingAt,
      Long oldestPendingAgeSeconds,
      long decided,
      Double medianSecondsToDecision,
      List<RuleOutcome> rules,
      List<LearnedOutcome> learned) {}

  public Result compute(int days) {
    OffsetDateTime now = Clocks.now(clock);
    OffsetDateTime since = now.minusDays(days);
    OffsetDateTime oldest = queue.oldestPending();
    List<Object[]> times =
        em.createQuery(
                "select c.createdAt, c.decidedAt from Comment c where c.decidedAt >= :since",
                Object[].class)
            .setParameter("since", since)
            .setMaxResults(MAX_DECISIONS)
            .getResultList();
    List<Long> seconds = new ArrayList<>();
    for (Object[] row : times) {
      seconds.add(Duration.between((OffsetDateTime) row[0], (OffsetDateTime) row[1]).toSeconds());
    }
    return new Result(
        days,
        queue.depth(),
        oldest == null ? null : oldest.toInstant(),
        oldest == null ? null : Duration.between(oldest, now).toSeconds(),
        seconds.size(),
        median(seconds),
        ruleOutcomes(since),
        learnedOutcomes(since));
  }

  /** The learned layer's holds, by model version (read from the stored verdict's learned match). */
  private List<LearnedOutcome> learnedOutcomes(OffsetDateTime since) {
    List<Object[]> rows =
        em.createQuery(
                "select c.verdictJson, c.status, c.decidedAt from Comment c"
                    + " where c.topRule = :learned and c.createdAt >= :since",
                Object[].class)
            .setParameter("learned", "learned")
            .setParameter("since", since)
            .setMaxResults(MAX_DECISIONS)
            .getResultList();
    Map<String, long[]> byModel =
        new java.util.TreeMap<>(
            Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()));
    for (Object[] row : rows) {
      String model =
          VerdictJson.read((String) row[0]).matches().stream()
              .filter(m -> m.learned() != null)
              .map(m -> m.learned().model())
              .findFirst()
              .orElse("?");
      long[] acc = byModel.computeIfAbsent(model, k -> new long[3]);
      acc[0]++;
      CommentStatus status = (CommentStatus) row[1];
      if (row[2] != null && status != CommentStatus.PENDING) {
        acc[1]++;
        if (status == CommentStatus.REJECTED) acc[2]++;
      }
    }
    List<LearnedOutcome> result = new ArrayList<>();
    byModel.forEach(
        (model, acc) ->
            result.add(
                new LearnedOutcome(
                    model, acc[0], acc[1], acc[2], acc[1] == 0 ? null : (double) acc[2] / acc[1])));
    return List.copyOf(result);
  }

  static Double median(List<Long> values) {
    if (values.isEmpty()) return null;
    List<Long> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
  }

  private List<RuleOutcome> ruleOutcomes(OffsetDateTime since) {
    List<Object[]> rows =
        em.createQuery(
                "select c.topRule, c.ruleSetVersion, c.engineDecision, c.status, count(c), count(c.decidedAt)"
                    + " from Comment c where c.engineDecision <> :approve and c.createdAt >= :since"
                    + " group by c.topRule, c.ruleSetVersion, c.engineDecision, c.status",
                Object[].class)
            .setParameter("approve", Decision.APPROVE)
            .setParameter("since", since)
            .getResultList();
    return outcomes(rows);
  }

  /** Rows of (rule, version, engine decision, status, count, count decided by a moderator). */
  static List<RuleOutcome> outcomes(List<Object[]> rows) {
    Map<List<String>, long[]> byRule = new LinkedHashMap<>();
    for (Object[] row : rows) {
      String rule = row[0] == null ? "(none)" : (String) row[0];
      long[] acc = byRule.computeIfAbsent(List.of(rule, (String) row[1]), k -> new long[4]);
      Decision engine = (Decision) row[2];
      CommentStatus status = (CommentStatus) row[3];
      long count = ((Number) row[4]).longValue();
      long decidedByModerator = ((Number) row[5]).longValue();
      if (engine == Decision.HOLD) {
        acc[0] += count;
        if (status != CommentStatus.PENDING) acc[2] += decidedByModerator;
        if (status == CommentStatus.APPROVED) acc[3] += decidedByModerator;
      } else {
        acc[1] += count;
        acc[2] += count;
        if (status != CommentStatus.REJECTED) acc[3] += count;
      }
    }
    List<RuleOutcome> result = new ArrayList<>();
    byRule.forEach(
        (key, acc) ->
            result.add(
                new RuleOutcome(
                    key.get(0),
                    key.get(1),
                    acc[0],
                    acc[1],
                    acc[2],
                    acc[3],
                    acc[2] == 0 ? null : 1.0 - (double) acc[3] / acc[2])));
    result.sort(
        Comparator.comparingLong((RuleOutcome r) -> r.held() + r.refused())
            .reversed()
            .thenComparing(RuleOutcome::rule)
            .thenComparing(RuleOutcome::ruleSetVersion));
    return result;
  }
}
