package dev.commentmoderation.comment.control;

import dev.commentmoderation.article.control.ArticlePolicy;
import dev.commentmoderation.article.control.Articles;
import dev.commentmoderation.article.entity.ArticleId;
import dev.commentmoderation.comment.entity.Comment;
import dev.commentmoderation.engine.Submission;
import dev.commentmoderation.engine.Verdict;
import dev.commentmoderation.platform.Clocks;
import dev.commentmoderation.platform.persistence.UnitOfWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The submission path: check the article and the parent, judge the text with the author's standing
 * on the request thread, then hand the judged comment to the {@link CommentWriter}, which commits
 * it together with the others waiting at that moment (group commit) and returns once it is
 * committed. Reads come mostly from short-lived caches (article policy, author standing), so a
 * typical submission makes no database round trip of its own before the shared commit. Runs outside
 * any transaction: the writer's transaction is the one that counts.
 */
@ApplicationScoped
public class CommentSubmission {

  static final Duration DUPLICATE_WINDOW = Duration.ofHours(24);
  private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

  @Inject EntityManager em;
  @Inject UnitOfWork work;
  @Inject RulesInForce rules;
  @Inject LearnedOpinion learned;
  @Inject Articles articles;
  @Inject Standings standings;
  @Inject ExternalReview externalReview;
  @Inject CommentWriter writer;
  @Inject Clock clock;

  /**
   * Who submits: the name shown, the e-mail, the client, the signed-in reader (null when anonymous;
   * the name is then the one the site gave), whether to mail the author about replies and the
   * moderator's decision, the hash of their edit token ({@code editTokenHash}, null for none), and
   * the client's {@code Idempotency-Key} (null when none was sent; unique per client).
   */
  public record Author(
      String name,
      String email,
      String clientHash,
      Long readerId,
      boolean notifyReplies,
      String editTokenHash,
      String idempotencyKey) {

    public Author(String name, String email, String clientHash) {
      this(name, email, clientHash, null, false, null, null);
    }

    public boolean verified() {
      return readerId != null;
    }
  }

  /**
   * A stored comment and its verdict; {@code replayed} when it was stored by an earlier attempt
   * with the same {@code Idempotency-Key}, not by this one.
   */
  public record Submitted(Comment comment, Verdict verdict, boolean replayed) {
    public Submitted(Comment comment, Verdict verdict) {
      this(comment, verdict, false);
    }
  }

  public Submitted submit(
      String articleId, String parentId, Author author, String rawBody, Locale language) {
    // a closed article is said before an unknown parent
    if (!articles.policy(new ArticleId(articleId)).commentsOpen()) throw new CommentsClosed();
    Comment parent = parentId == null ? null : approvedParent(articleId, parentId);
    PreparedComment prepared = judge(articleId, parent, author, rawBody.strip(), language);
    Submitted stored = writer.write(prepared);
    if (stored.replayed()) return stored;
    standings.committed(
        author.name(),
        author.email(),
        author.clientHash(),
        author.readerId(),
        stored.comment().status());
    return stored;
  }

  /**
   * The judging of a text, for a new comment and for an edited one alike: the article's policy, the
   * author's standing, the rules, the learned layer and the external classifier. The duplicate rule
   * is applied where the comment is written.
   */
  PreparedComment judge(
      String articleId, Comment parent, Author author, String body, Locale language) {
    ArticlePolicy policy = articles.policy(new ArticleId(articleId));
    if (!policy.commentsOpen()) throw new CommentsClosed();
    OffsetDateTime now = Clocks.now(clock);
    Submission submission =
        new Submission(
            body,
            author.name(),
            author.email(),
            standings.standing(
                author.name(), author.email(), author.clientHash(), author.readerId(), now),
            policy.premoderated(),
            false);
    PreparedComment prepared =
        PreparedComment.judged(
            articleId,
            parent,
            author,
            body,
            bodyHash(body),
            language.getLanguage(),
            now,
            submission,
            rules.engine(),
            learned);
    // the external classifier may hold what the rules would publish, before the write (issue #14)
    return externalReview.reviewed(prepared);
  }

  private Comment approvedParent(String articleId, String parentId) {
    long id;
    try {
      id = Long.parseLong(parentId.strip());
    } catch (NumberFormatException e) {
      throw new ParentNotFound();
    }
    long key = id;
    Comment parent = work.call(() -> em.find(Comment.class, key));
    if (parent == null || !parent.isApproved() || !parent.articleId().equals(articleId)) {
      throw new ParentNotFound();
    }
    return parent;
  }

  /** Same text up to case and white space counts as the same comment. */
  static String bodyHash(String body) {
    String canonical = WHITE_SPACE.matcher(body.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
