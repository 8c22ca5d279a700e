package dev.commentmoderation.notification.control;

import dev.commentmoderation.comment.entity.Comment;
import dev.commentmoderation.comment.entity.CommentDecided;
import dev.commentmoderation.comment.entity.CommentReported;
import dev.commentmoderation.comment.entity.CommentStatus;
import dev.commentmoderation.comment.entity.CommentSubmitted;
import dev.commentmoderation.notification.entity.WebhookEvent;
import dev.commentmoderation.platform.Clocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * Turns what happens to comments into outbox rows, inside the transaction of the change (these
 * observers are synchronous and not AFTER_SUCCESS): a row exists exactly when its change committed,
 * and nothing is sent from here. Per event: one delivery per webhook that wants it; a mail to the
 * author of the parent when a reply is published (once per reply, never to the reply's own author);
 * a mail to an author who asked for mails when a moderator decides their held comment.
 */
@ApplicationScoped
@Transactional
public class CommentNotifications {

  static final String REPLY = "reply";
  static final String DECIDED = "decided";

  @Inject EntityManager em;
  @Inject Outbox outbox;
  @Inject Webhooks webhooks;
  @Inject MailTexts texts;
  @Inject LinkKey linkKey;
  @Inject NotificationSettings settings;
  @Inject Clock clock;

  void submitted(@Observes CommentSubmitted event) {
    Comment comment = em.find(Comment.class, event.commentId().value());
    if (comment == null) return;
    webhook(statusEvent(event.status()), comment, "s", null);
    if (event.status() == CommentStatus.APPROVED) replyPublished(comment);
  }

  void decided(@Observes CommentDecided event) {
    Comment comment = em.find(Comment.class, event.commentId().value());
    if (comment == null) return;
    webhook(statusEvent(event.to()), comment, "v" + event.version(), null);
    if (event.to() == CommentStatus.APPROVED) replyPublished(comment);
    if (event.from() == CommentStatus.PENDING && event.to() != CommentStatus.PENDING)
      decisionToAuthor(comment, event.to(), event.version());
  }

  void reported(@Observes CommentReported event) {
    Comment comment = em.find(Comment.class, event.commentId().value());
    if (comment == null) return;
    webhook(WebhookEvent.REPORTED, comment, "r" + event.openReports(), event.openReports());
    if (event.heldAgain()) webhook(WebhookEvent.HELD, comment, "h" + event.version(), null);
  }

  /**
   * {@code comment.deleted}: to be called, inside the deleting transaction, by an observer of the
   * reader's deletion event (issue #13 branch own-comments fires one; the merge connects them).
   */
  public void deleted(Comment comment) {
    webhook(WebhookEvent.DELETED, comment, "d", null);
  }

  private static WebhookEvent statusEvent(CommentStatus status) {
    return switch (status) {
      case APPROVED -> WebhookEvent.PUBLISHED;
      case REJECTED -> WebhookEvent.REJECTED;
      default -> WebhookEvent.HELD;
    };
  }

  private void webhook(WebhookEvent event, Comment c, String occurrence, Long openReports) {
    var hooks = webhooks.subscribedTo(event);
    if (hooks.isEmpty()) return;
    OffsetDateTime at = Clocks.now(clock);
    var facts =
        new WebhookPayloads.CommentFacts(
            c.id(),
            c.articleId(),
            c.parentId(),
            c.status().name(),
            c.authorName(),
            c.body(),
            c.createdAt(),
            c.topCategory(),
            openReports);
    for (var hook : hooks) {
      outbox.appendDelivery(
          hook.id(),
          event.wireName(),
          "webhook:" + hook.id() + ":" + event.wireName() + ":" + c.id() + ":" + occurrence,
          deliveryId ->
              WebhookPayloads.body(hook.format(), hook.chatId(), event, deliveryId, at, facts));
    }
  }

  private void replyPublished(Comment reply) {
    if (reply.parentId() == null || !settings.mailEnabled()) return;
    Comment parent = em.find(Comment.class, reply.parentId());
    if (parent == null || !parent.notifyReplies() || parent.authorEmail() == null) return;
    if (reply.authorEmail() != null
        && reply.authorEmail().strip().equalsIgnoreCase(parent.authorEmail().strip())) return;
    Locale locale = MailTexts.locale(parent.language());
    String unsubscribe = unsubscribeUrl(parent.id());
    var text =
        texts.reply(
            locale,
            parent.authorName(),
            reply.authorName(),
            reply.body(),
            parent.body(),
            unsubscribe);
    outbox.appendMail(
        REPLY,
        "mail:reply:" + reply.id(),
        parent.authorEmail(),
        text.subject(),
        text.body(),
        unsubscribe);
  }

  private void decisionToAuthor(Comment comment, CommentStatus to, int version) {
    if (!settings.mailEnabled() || !comment.notifyReplies() || comment.authorEmail() == null)
      return;
    Locale locale = MailTexts.locale(comment.language());
    String unsubscribe = unsubscribeUrl(comment.id());
    var text = texts.decided(locale, to.name(), comment.authorName(), comment.body(), unsubscribe);
    outbox.appendMail(
        DECIDED,
        "mail:decided:" + comment.id() + ":" + version,
        comment.authorEmail(),
        text.subject(),
        text.body(),
        unsubscribe);
  }

  String unsubscribeUrl(long commentId) {
    return settings.publicUrl()
        + "/api/notifications/unsubscribe?token="
        + UnsubscribeTokens.token(linkKey.key(), commentId);
  }
}
