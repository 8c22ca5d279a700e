package dev.commentmoderation.notification.control;

import dev.commentmoderation.platform.i18n.Messages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;

/**
 * Mail subjects and bodies in the reader's language (the language their comment was sent in), from
 * the {@code mail.*} keys of the message bundles. Readers' names and texts are set into the plain
 * text body as they are; nothing is ever read as markup.
 */
@ApplicationScoped
public class MailTexts {

  @Inject Messages messages;

  public record Text(String subject, String body) {}

  public static Locale locale(String language) {
    return Messages.negotiate(
        java.util.List.of(Locale.forLanguageTag(language == null ? "ru" : language)));
  }

  public Text reply(
      Locale locale,
      String name,
      String replyAuthor,
      String replyBody,
      String ownBody,
      String unsubscribeUrl) {
    return new Text(
        messages.get(locale, "mail.reply.subject"),
        messages.get(
            locale,
            "mail.reply.body",
            name,
            replyAuthor,
            replyBody,
            excerpt(ownBody),
            unsubscribeUrl));
  }

  public Text decided(
      Locale locale, String status, String name, String body, String unsubscribeUrl) {
    return new Text(
        messages.get(locale, "mail.decided." + status + ".subject"),
        messages.get(
            locale, "mail.decided." + status + ".body", name, excerpt(body), unsubscribeUrl));
  }

  public Text digest(
      Locale locale, long pending, long oldestMinutes, String dashboard, long after, long every) {
    return new Text(
        messages.get(locale, "mail.digest.subject", String.valueOf(pending)),
        messages.get(
            locale,
            "mail.digest.body",
            String.valueOf(pending),
            String.valueOf(oldestMinutes),
            dashboard,
            String.valueOf(after),
            String.valueOf(every)));
  }

  static String excerpt(String text) {
    if (text == null) return "";
    String t = text.strip();
    return t.length() <= 500 ? t : t.substring(0, 500) + "…";
  }
}
