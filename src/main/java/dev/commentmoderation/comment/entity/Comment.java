package dev.commentmoderation.comment.entity;

import dev.commentmoderation.article.entity.ArticleId;
import dev.commentmoderation.engine.Decision;
import dev.commentmoderation.security.entity.Moderator;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/**
 * A reader's comment with the engine's verdict as it was at submission. It owns its changes of
 * status: a moderator's decision and its reversal, the return to the queue on readers' reports and
 * the publication when those reports are dismissed. {@code version} guards them: a decision names
 * the version it saw, so of two racing moderators exactly one wins. Claims are kept apart in {@link
 * CommentClaim} because claiming must not change the version.
 */
@Entity
@Table(name = "comments")
@NamedQuery(
    name = Comment.RECENT_DUPLICATES_OF_BATCH,
    query =
        "select c.bodyHash, c.clientHash, c.authorEmail, c.createdAt from Comment c"
            + " where c.bodyHash in :hashes and c.createdAt > :since"
            + " and (c.clientHash in :clients or c.authorEmail in :emails)")
public class Comment {

  public static final String RECENT_DUPLICATES_OF_BATCH = "Comment.recentDuplicatesOfBatch";

  @Id
  @SequenceGenerator(name = "comment_seq", sequenceName = "comment_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "comment_seq")
  private Long id;

  @Column(name = "article_id", nullable = false, length = 128)
  private String articleId;

  @Column(name = "parent_id")
  private Long parentId;

  @Column(name = "root_id")
  private Long rootId;

  @Column(name = "author_name", nullable = false, length = 80)
  private String authorName;

  @Column(name = "author_email", length = 254)
  private String authorEmail;

  @Column(nullable = false, length = 5000)
  private String body;

  @Column(name = "body_hash", nullable = false, length = 64)
  private String bodyHash;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private CommentStatus status;

  @Version private int version;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "decided_at")
  private OffsetDateTime decidedAt;

  @Column(name = "client_hash", length = 64)
  private String clientHash;

  /** The signed-in reader who wrote it; null for an anonymous author. */
  @Column(name = "reader_id")
  private Long readerId;

  @Column(length = 8)
  private String language;

  @Enumerated(EnumType.STRING)
  @Column(name = "engine_decision", nullable = false, length = 16)
  private Decision engineDecision;

  @Column(name = "verdict", nullable = false, length = 30000)
  private String verdictJson;

  @Column(name = "rule_set_version", nullable = false, length = 64)
  private String ruleSetVersion;

  @Column(name = "top_category", length = 64)
  private String topCategory;

  @Column(name = "top_rule", length = 128)
  private String topRule;

  /**
   * Lets the queue sort by severity: 100 × (0 approve, 1 hold, 2 reject) plus the number of the
   * verdict's holding or refusing matches (at most 99), so among held comments those with more
   * problems come first.
   */
  @Column(nullable = false)
  private int severity;

  /** A moderator working on it; advisory only. Written through {@link CommentClaim}, read here. */
  @Column(name = "claimed_by", length = 80, insertable = false, updatable = false)
  private String claimedBy;

  @Column(name = "claimed_until", insertable = false, updatable = false)
  private OffsetDateTime claimedUntil;

  /** The author ticked «Сообщать об ответах» (and gave an e-mail): tell them about replies. */
  @Column(name = "notify_replies", nullable = false)
  private boolean notifyReplies;

  /** SHA-256 (hex) of the edit token its anonymous author was given; null for none. */
  @Column(name = "edit_token_hash", length = 64)
  private String editTokenHash;

  @Column(name = "edited_at")
  private OffsetDateTime editedAt;

  /** Counted forward by the reactions' bulk updates, which leave {@code version} alone. */
  @Column(nullable = false, insertable = false, updatable = false)
  private int likes;

  @Column(nullable = false)
  private boolean featured;

  protected Comment() {}

  public Comment(
      String articleId,
      Comment parent,
      String authorName,
      String authorEmail,
      String body,
      String bodyHash,
      String clientHash,
      String language,
      OffsetDateTime createdAt) {
    this(
        articleId,
        parent == null ? null : parent.id,
        parent == null ? null : parent.rootId == null ? parent.id : parent.rootId,
        authorName,
        authorEmail,
        body,
        bodyHash,
        clientHash,
        language,
        createdAt);
  }

  /** A reply names its parent and the thread's top-level comment by id. */
  public Comment(
      String articleId,
      Long parentId,
      Long rootId,
      String authorName,
      String authorEmail,
      String body,
      String bodyHash,
      String clientHash,
      String language,
      OffsetDateTime createdAt) {
    this.articleId = articleId;
    this.parentId = parentId;
    this.rootId = rootId;
    this.authorName = authorName;
    this.authorEmail = authorEmail;
    this.body = body;
    this.bodyHash = bodyHash;
    this.clientHash = clientHash;
    this.language = language;
    this.createdAt = createdAt;
  }

  /** Written by this signed-in reader (null: anonymous); set once, before it is stored. */
  public void writtenBy(Long readerId) {
    if (this.id != null) throw new IllegalStateException("the author is set before storing");
    this.readerId = readerId;
  }

  public void judged(
      Decision decision,
      String verdictJson,
      String ruleSetVersion,
      String topCategory,
      String topRule) {
    judged(decision, verdictJson, ruleSetVersion, topCategory, topRule, 0);
  }

  public void judged(
      Decision decision,
      String verdictJson,
      String ruleSetVersion,
      String topCategory,
      String topRule,
      int problems) {
    this.engineDecision = decision;
    this.verdictJson = verdictJson;
    this.ruleSetVersion = ruleSetVersion;
    this.topCategory = topCategory;
    this.topRule = topRule;
    this.severity = decision.ordinal() * 100 + Math.min(99, Math.max(0, problems));
    this.status = CommentStatus.of(decision);
  }

  /**
   * A moderator approves or rejects at the version they saw. Deciding a comment already decided
   * reverses that decision, which only an admin may do; deciding it as it is changes nothing.
   *
   * @return the status it had
   */
  public CommentStatus decide(CommentStatus to, int seenVersion, Moderator by, OffsetDateTime at) {
    if (to != CommentStatus.APPROVED && to != CommentStatus.REJECTED)
      throw new IllegalArgumentException("a decision approves or rejects");
    if (status == CommentStatus.DELETED) throw new CommentNotFound();
    seen(seenVersion);
    CommentStatus from = status;
    if (from == to) return from;
    if (from != CommentStatus.PENDING && !by.admin()) throw new ReversalNotAllowed();
    this.status = to;
    this.decidedAt = at;
    return from;
  }

  /**
   * The readers' reports were found unfounded at the version the moderator saw: a comment they sent
   * back to the queue is published again, a published one stays so.
   *
   * @return the status it had
   */
  public CommentStatus reportsDismissed(int seenVersion, OffsetDateTime at) {
    seen(seenVersion);
    CommentStatus from = status;
    if (from == CommentStatus.PENDING) {
      this.status = CommentStatus.APPROVED;
      this.decidedAt = at;
    }
    return from;
  }

  /** Readers reported a published comment often enough: back to the moderators. */
  public void holdForReports() {
    if (status != CommentStatus.APPROVED)
      throw new IllegalStateException("only a published comment is reported");
    this.status = CommentStatus.PENDING;
  }

  /**
   * Its author changed the text, judged again as a new submission would be. A comment held for a
   * moderator stays held (the new text must not skip the queue, nor reports that sent it back); one
   * a moderator rejected cannot be edited; an editor's pick stops being one (the pick was of the
   * old text).
   *
   * @return the status it had
   */
  public CommentStatus edited(
      String newBody,
      String newBodyHash,
      Decision decision,
      String verdictJson,
      String ruleSetVersion,
      String topCategory,
      String topRule,
      int problems,
      OffsetDateTime at) {
    CommentStatus from = status;
    if (from == CommentStatus.DELETED) throw new CommentNotFound();
    if (from == CommentStatus.REJECTED && decidedAt != null) throw new EditNotAllowed();
    this.body = newBody;
    this.bodyHash = newBodyHash;
    this.editedAt = at;
    this.featured = false;
    judged(decision, verdictJson, ruleSetVersion, topCategory, topRule, problems);
    if (from == CommentStatus.PENDING && status == CommentStatus.APPROVED) {
      this.status = CommentStatus.PENDING;
    }
    return from;
  }

  /**
   * Its author removed it: it leaves the thread (its approved replies stay, under a placeholder)
   * and the queue.
   *
   * @return the status it had
   */
  public CommentStatus authorDeleted() {
    CommentStatus from = status;
    if (from == CommentStatus.DELETED) throw new CommentNotFound();
    this.status = CommentStatus.DELETED;
    this.featured = false;
    return from;
  }

  /** An editor's pick (only a published comment); false when it already was one. */
  public boolean feature() {
    if (!isApproved()) throw new CommentNotFound();
    if (featured) return false;
    featured = true;
    return true;
  }

  /** No longer an editor's pick; false when it was not one. */
  public boolean unfeature() {
    if (!featured) return false;
    featured = false;
    return true;
  }

  public void editToken(String hash) {
    this.editTokenHash = hash;
  }

  public String editTokenHash() {
    return editTokenHash;
  }

  public OffsetDateTime editedAt() {
    return editedAt;
  }

  public int likes() {
    return likes;
  }

  public boolean featured() {
    return featured;
  }

  public boolean isDeleted() {
    return status == CommentStatus.DELETED;
  }

  private void seen(int seenVersion) {
    if (version != seenVersion) throw new StaleDecision(version);
  }

  public CommentId commentId() {
    return new CommentId(id);
  }

  public ArticleId article() {
    return new ArticleId(articleId);
  }

  public int severity() {
    return severity;
  }

  public String claimedBy() {
    return claimedBy;
  }

  public OffsetDateTime claimedUntil() {
    return claimedUntil;
  }

  public Long id() {
    return id;
  }

  public String articleId() {
    return articleId;
  }

  public Long parentId() {
    return parentId;
  }

  public Long rootId() {
    return rootId;
  }

  public String authorName() {
    return authorName;
  }

  public String authorEmail() {
    return authorEmail;
  }

  public String body() {
    return body;
  }

  public CommentStatus status() {
    return status;
  }

  public int version() {
    return version;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public OffsetDateTime decidedAt() {
    return decidedAt;
  }

  public String clientHash() {
    return clientHash;
  }

  /** The signed-in reader who wrote it, or null. */
  public Long readerId() {
    return readerId;
  }

  /** Written by a reader the site signed in. */
  public boolean verified() {
    return readerId != null;
  }

  public String language() {
    return language;
  }

  public Decision engineDecision() {
    return engineDecision;
  }

  public String verdictJson() {
    return verdictJson;
  }

  public String ruleSetVersion() {
    return ruleSetVersion;
  }

  public String topCategory() {
    return topCategory;
  }

  public String topRule() {
    return topRule;
  }

  public boolean notifyReplies() {
    return notifyReplies;
  }

  /** Mails about replies and decisions go to the author only with an e-mail to send them to. */
  public void notifyReplies(boolean wanted) {
    this.notifyReplies = wanted && authorEmail != null;
  }

  public boolean isApproved() {
    return status == CommentStatus.APPROVED;
  }
}
