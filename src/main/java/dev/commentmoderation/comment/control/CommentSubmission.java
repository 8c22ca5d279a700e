package dev.commentmoderation.comment.control;

import dev.commentmoderation.article.control.ArticlePolicy;
import dev.commentmoderation.article.control.Articles;
import dev.commentmoderation.author.control.AuthorStandings;
import dev.commentmoderation.comment.boundary.CommentsClosed;
import dev.commentmoderation.comment.boundary.ParentNotFound;
import dev.commentmoderation.comment.entity.Comment;
import dev.commentmoderation.comment.entity.CommentSubmitted;
import dev.commentmoderation.moderation.control.VerdictJson;
import dev.commentmoderation.moderation.control.ActiveRules;
import dev.commentmoderation.moderation.engine.Action;
import dev.commentmoderation.moderation.engine.Match;
import dev.commentmoderation.moderation.engine.Submission;
import dev.commentmoderation.moderation.engine.Verdict;
import dev.commentmoderation.platform.Clocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The submission path: check the article and the parent, judge the text with the author's standing,
 * store comment and verdict together, announce it. Runs inside the caller's transaction, so the
 * comment, its verdict and the event's effects commit or fail as one.
 */
@ApplicationScoped
public class CommentSubmission {

  static final Duration DUPLICATE_WINDOW = Duration.ofHours(24);

  @PersistenceContext EntityManager em;
  @Inject ActiveRules rules;
  @Inject Articles articles;
  @Inject AuthorStandings standings;
  @Inject Event<CommentSubmitted> submitted;
  @Inject Clock clock;

  public record Author(String name, String email, String clientHash) {}

  public record Submitted(Comment comment, Verdict verdict) {}

  public Submitted submit(String articleId, String parentId, Author author, String rawBody, Locale language) {
    ArticlePolicy policy = articles.policy(articleId);
    if (!policy.commentsOpen()) throw new CommentsClosed();
    Comment parent = parentId == null ? null : approvedParent(articleId, parentId);
    String body = rawBody.strip();
    String bodyHash = bodyHash(body);
    OffsetDateTime now = Clocks.now(clock);

    Submission submission =
        new Submission(
            body,
            author.name(),
            author.email(),
            standings.standing(author.name(), author.email(), author.clientHash(), now),
            policy.premoderated(),
            isRecentDuplicate(author, bodyHash, now));
    Verdict verdict = rules.engine().evaluate(submission);

    Comment comment =
        new Comment(articleId, parent, author.name(), author.email(), body, bodyHash,
            author.clientHash(), language.getLanguage(), now);
    Match strongest = verdict.matches().stream()
        .filter(m -> m.action().decision() == verdict.decision())
        .max(Comparator.comparing(Match::action))
        .orElse(null);
    comment.judged(
        verdict.decision(),
        VerdictJson.write(verdict),
        verdict.ruleSetVersion(),
        strongest == null ? null : strongest.category(),
        strongest == null ? null : strongest.rule(),
        (int) verdict.matches().stream().filter(m -> m.action() != Action.FLAG).count());
    em.persist(comment);
    em.flush();
    submitted.fire(new CommentSubmitted(comment.id(), articleId, comment.status(), comment.topCategory()));
    return new Submitted(comment, verdict);
  }

  private Comment approvedParent(String articleId, String parentId) {
    long id;
    try {
      id = Long.parseLong(parentId.strip());
    } catch (NumberFormatException e) {
      throw new ParentNotFound();
    }
    Comment parent = em.find(Comment.class, id);
    if (parent == null || !parent.isApproved() || !parent.articleId().equals(articleId)) {
      throw new ParentNotFound();
    }
    return parent;
  }

  private boolean isRecentDuplicate(Author author, String bodyHash, OffsetDateTime now) {
    return em.createNamedQuery(Comment.RECENT_DUPLICATES, Long.class)
            .setParameter("hash", bodyHash)
            .setParameter("since", now.minus(DUPLICATE_WINDOW))
            .setParameter("client", author.clientHash())
            .setParameter("email", author.email() == null ? "" : author.email())
            .getSingleResult()
        > 0;
  }

  /** Same text up to case and white space counts as the same comment. */
  static String bodyHash(String body) {
    String canonical = body.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
