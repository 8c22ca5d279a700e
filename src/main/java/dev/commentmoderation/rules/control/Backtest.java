package dev.commentmoderation.rules.control;

import dev.commentmoderation.comment.control.LearnedOpinion;
import dev.commentmoderation.comment.entity.Comment;
import dev.commentmoderation.comment.entity.CommentStatus;
import dev.commentmoderation.comment.entity.VerdictJson;
import dev.commentmoderation.engine.AuthorStanding;
import dev.commentmoderation.engine.Decision;
import dev.commentmoderation.engine.Match;
import dev.commentmoderation.engine.RuleEngine;
import dev.commentmoderation.engine.RuleSet;
import dev.commentmoderation.engine.Submission;
import dev.commentmoderation.engine.Verdict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Runs a candidate rule set over stored comments and compares with what happened: the engine's
 * decision at the time, and the moderators' decision where there was one. The author's standing and
 * the article's policy at the time are read back from the stored verdict's context matches.
 */
@ApplicationScoped
@Transactional
public class Backtest {

  @Inject EntityManager em;
  @Inject LearnedOpinion learned;

  public record Change(
      String id,
      Decision before,
      Decision after,
      CommentStatus moderatorStatus,
      boolean contradictsModerator,
      List<String> rules) {}

  public record Summary(
      long changed,
      long moderatorDecided,
      long contradictsModerator,
      long agreesWithModerator,
      Map<String, Long> transitions) {}

  /**
   * What the learned layer in force would do on top of the candidate: comments it would hold that
   * the rules would publish, how many of those a moderator decided and rejected, and the share
   * rejected (its precision on past decisions; null when it held none that was decided).
   */
  public record LearnedSummary(
      String model, long held, long heldDecided, long heldRejected, Double precision) {}

  public record Result(
      String candidateVersion,
      long evaluated,
      List<Change> changed,
      Summary summary,
      LearnedSummary learned) {}

  public Result run(RuleSet candidate, OffsetDateTime from, OffsetDateTime to, int limit) {
    StringBuilder jpql = new StringBuilder("select c from Comment c where 1 = 1");
    if (from != null) jpql.append(" and c.createdAt >= :from");
    if (to != null) jpql.append(" and c.createdAt < :to");
    jpql.append(" order by c.createdAt desc, c.id desc");
    var query = em.createQuery(jpql.toString(), Comment.class).setMaxResults(limit);
    if (from != null) query.setParameter("from", from);
    if (to != null) query.setParameter("to", to);
    RuleEngine engine = new RuleEngine(candidate);
    List<Change> changes = new ArrayList<>();
    long evaluated = 0;
    long decided = 0;
    long agrees = 0;
    long learnedHeld = 0;
    long learnedDecided = 0;
    long learnedRejected = 0;
    String model = null;
    for (Comment c : query.getResultList()) {
      evaluated++;
      Verdict stored = VerdictJson.read(c.verdictJson());
      Submission replayed = replay(c.body(), c.authorName(), c.authorEmail(), stored);
      Verdict rules = engine.evaluate(replayed);
      Verdict now = LearnedOpinion.onlyHolds(rules, learned.review(replayed, rules));
      CommentStatus moderator = moderatorStatus(c);
      if (now != rules) {
        learnedHeld++;
        model = learnedModel(now, model);
        if (moderator != null) learnedDecided++;
        if (moderator == CommentStatus.REJECTED) learnedRejected++;
      }
      boolean contradicts = contradicts(now.decision(), moderator);
      if (moderator != null) {
        decided++;
        if (!contradicts) agrees++;
      }
      if (now.decision() != c.engineDecision()) {
        changes.add(
            new Change(
                String.valueOf(c.id()),
                c.engineDecision(),
                now.decision(),
                moderator,
                contradicts,
                now.matches().stream().map(Match::rule).distinct().toList()));
      }
    }
    Map<String, Long> transitions =
        changes.stream()
            .collect(
                Collectors.groupingBy(
                    ch -> ch.before() + "->" + ch.after(), TreeMap::new, Collectors.counting()));
    long contradicting = changes.stream().filter(Change::contradictsModerator).count();
    return new Result(
        candidate.version(),
        evaluated,
        changes,
        new Summary(changes.size(), decided, contradicting, agrees, transitions),
        new LearnedSummary(
            model,
            learnedHeld,
            learnedDecided,
            learnedRejected,
            learnedDecided == 0 ? null : (double) learnedRejected / learnedDecided));
  }

  private static String learnedModel(Verdict verdict, String known) {
    return verdict.matches().stream()
        .filter(m -> m.learned() != null)
        .map(m -> m.learned().model())
        .findFirst()
        .orElse(known);
  }

  /**
   * A hold never contradicts a moderator (it asks one); publishing what a moderator rejected, or
   * refusing what one approved, does.
   */
  static boolean contradicts(Decision after, CommentStatus moderator) {
    return moderator != null && after != Decision.HOLD && CommentStatus.of(after) != moderator;
  }

  /**
   * What a moderator made of it; null when no moderator has decided (the engine's status stands).
   */
  static CommentStatus moderatorStatus(Comment c) {
    return c.decidedAt() == null || c.status() == CommentStatus.PENDING ? null : c.status();
  }

  private static final Set<String> CONTEXT_RULES =
      Set.of(
          "banned-author",
          "premoderated-author",
          "first-comment",
          "article-premoderated",
          "duplicate");

  /** The submission as it was judged, as far as the stored verdict tells. */
  static Submission replay(String body, String name, String email, Verdict stored) {
    Set<String> context =
        stored.matches().stream()
            .map(Match::rule)
            .filter(CONTEXT_RULES::contains)
            .collect(Collectors.toSet());
    AuthorStanding standing =
        context.contains("banned-author")
            ? AuthorStanding.BANNED
            : context.contains("premoderated-author")
                ? AuthorStanding.PREMODERATED
                : context.contains("first-comment")
                    ? AuthorStanding.NEW
                    : AuthorStanding.ESTABLISHED;
    return new Submission(
        body,
        name,
        email,
        standing,
        context.contains("article-premoderated"),
        context.contains("duplicate"));
  }
}
