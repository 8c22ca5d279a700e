package dev.commentmoderation.comment.control;

import dev.commentmoderation.comment.entity.Comment;
import dev.commentmoderation.comment.entity.VerdictJson;
import dev.commentmoderation.engine.Action;
import dev.commentmoderation.engine.Match;
import dev.commentmoderation.engine.RuleEngine;
import dev.commentmoderation.engine.Submission;
import dev.commentmoderation.engine.Verdict;
import java.time.OffsetDateTime;
import java.util.Comparator;

/**
 * A comment checked and judged on the request thread, waiting for the committer to write it. It
 * carries what the engine read, so that the committer can judge it again when it turns out to
 * repeat a text the same author sent moments before.
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
    String verdictJson) {

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
        VerdictJson.write(verdict));
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
    Verdict rules = engine.evaluate(again);
    // a repeat only adds a match: the learned layer's hold, made on the first look, stays
    Verdict verdict =
        rules.decision().compareTo(this.verdict.decision()) < 0 ? this.verdict : rules;
    return new PreparedComment(
        articleId,
        parentId,
        rootId,
        author,
        body,
        bodyHash,
        language,
        createdAt,
        again,
        verdict,
        VerdictJson.write(verdict));
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
