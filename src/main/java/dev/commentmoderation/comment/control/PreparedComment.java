package dev.commentmoderation.comment.control;

import dev.commentmoderation.comment.entity.Comment;
import dev.commentmoderation.comment.entity.VerdictJson;
import dev.commentmoderation.engine.Action;
import dev.commentmoderation.engine.Decision;
import dev.commentmoderation.engine.Match;
import dev.commentmoderation.engine.RuleEngine;
import dev.commentmoderation.engine.Submission;
import dev.commentmoderation.engine.Verdict;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A comment checked and judged on the request thread, waiting for the committer to write it. It
 * carries what the engine read, so that the committer can judge it again when it turns out to
 * repeat a text the same author sent moments before, and the holds that steps after the engine
 * added (the external classifier's), which that second judgement keeps.
 */
public record PreparedComment(
    String articleId,
    Long parentId,
    Long rootId,
    CommentSubmission.Author author,
    String body,
    String bodyHash,
    String language,
    OffsetDateTime createdAt,
    Submission submission,
    Verdict verdict,
    String verdictJson,
    List<Match> heldAfterEngine) {

  public PreparedComment {
    heldAfterEngine = List.copyOf(heldAfterEngine);
  }

  static PreparedComment judged(
      String articleId,
      Comment parent,
      CommentSubmission.Author author,
      String body,
      String bodyHash,
      String language,
      OffsetDateTime createdAt,
      Submission submission,
      RuleEngine engine,
      LearnedOpinion learned) {
    Verdict rules = engine.evaluate(submission);
    // the learned layer's only say: hold what the rules would publish
    Verdict verdict = LearnedOpinion.onlyHolds(rules, learned.review(submission, rules));
    Long parentId = parent == null ? null : parent.id();
    Long rootId = parent == null ? null : parent.rootId() == null ? parent.id() : parent.rootId();
    return new PreparedComment(
        articleId,
        parentId,
        rootId,
        author,
        body,
        bodyHash,
        language,
        createdAt,
        submission,
        verdict,
        VerdictJson.write(verdict),
        List.of());
  }

  /**
   * The same comment with holds added after the engine: they join the matches, and a comment the
   * rules would publish is held, with the first hold's reason. They never refuse and never publish:
   * a refusal stays a refusal, a hold a hold.
   */
  PreparedComment heldAfterEngine(List<Match> holds) {
    List<Match> all = new ArrayList<>(heldAfterEngine);
    all.addAll(holds);
    return judged(submission, withHolds(verdict, holds), all);
  }

  /** This comment with another judgement (its stored JSON made anew). */
  private PreparedComment judged(Submission judged, Verdict v, List<Match> afterEngine) {
    return new PreparedComment(
        articleId,
        parentId,
        rootId,
        author,
        body,
        bodyHash,
        language,
        createdAt,
        judged,
        v,
        VerdictJson.write(v),
        afterEngine);
  }

  static Verdict withHolds(Verdict verdict, List<Match> holds) {
    if (holds.isEmpty()) return verdict;
    if (holds.stream().anyMatch(m -> m.action() != Action.HOLD))
      throw new IllegalArgumentException("a step after the engine may only hold");
    List<Match> matches = new ArrayList<>(verdict.matches());
    matches.addAll(holds);
    boolean approved = verdict.decision() == Decision.APPROVE;
    return new Verdict(
        approved ? Decision.HOLD : verdict.decision(),
        matches,
        approved ? holds.get(0).reason() : verdict.reason(),
        verdict.ruleSetVersion());
  }

  /** The same comment judged again, now knowing that it repeats a recent one. */
  PreparedComment asDuplicate(RuleEngine engine) {
    Submission again =
        new Submission(
            submission.body(),
            submission.authorName(),
            submission.authorEmail(),
            submission.standing(),
            submission.articlePremoderated(),
            true);
    // the external classifier's holds are kept; a repeat only adds a match, so the learned
    // layer's hold, made on the first look, stays unless the second look is as strict
    Verdict rules = withHolds(engine.evaluate(again), heldAfterEngine);
    Verdict verdict =
        rules.decision().compareTo(this.verdict.decision()) < 0 ? this.verdict : rules;
    return judged(again, verdict, heldAfterEngine);
  }

  /** The count of the verdict's holding or refusing matches, for the queue's severity. */
  int problems() {
    return (int) verdict.matches().stream().filter(m -> m.action() != Action.FLAG).count();
  }

  /** The match that decided, for the queue's top category and rule; null when none. */
  Match strongest() {
    return verdict.matches().stream()
        .filter(m -> m.action().decision() == verdict.decision())
        .max(Comparator.comparing(Match::action))
        .orElse(null);
  }

  /** A new entity each time, so that a batch retried after a rollback starts clean. */
  Comment toEntity() {
    Comment comment =
        new Comment(
            articleId,
            parentId,
            rootId,
            author.name(),
            author.email(),
            body,
            bodyHash,
            author.clientHash(),
            language,
            createdAt);
    comment.notifyReplies(author.notifyReplies());
    comment.writtenBy(author.readerId());
    comment.editToken(author.editTokenHash());
    Match strongest =
        verdict.matches().stream()
            .filter(m -> m.action().decision() == verdict.decision())
            .max(Comparator.comparing(Match::action))
            .orElse(null);
    comment.judged(
        verdict.decision(),
        verdictJson,
        verdict.ruleSetVersion(),
        strongest == null ? null : strongest.category(),
        strongest == null ? null : strongest.rule(),
        (int) verdict.matches().stream().filter(m -> m.action() != Action.FLAG).count());
    return comment;
  }
}
