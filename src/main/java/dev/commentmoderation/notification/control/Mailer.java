package dev.commentmoderation.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;

/**
 * Sends one plain-text mail through the configured SMTP server (Jakarta Mail; Payara Micro ships
 * Angus Mail). Readers' text only ever goes into the body as plain text; headers are made from our
 * own texts and checked addresses, with line breaks taken out.
 */
@ApplicationScoped
public class Mailer {

  @Inject NotificationSettings settings;

  private volatile Session session;

  /** A mail as the outbox keeps it. */
  public record Mail(
      long outboxId, String to, String subject, String body, String unsubscribeUrl) {}

  /** Retrying cannot help (a refused or malformed address): the row fails at once. */
  public static final class Undeliverable extends Exception {
    private static final long serialVersionUID = 1L;

    Undeliverable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  public void send(Mail mail) throws MessagingException, Undeliverable {
    InternetAddress to;
    try {
      to = new InternetAddress(headerSafe(mail.to()), true);
    } catch (AddressException e) {
      throw new Undeliverable("invalid recipient address", e);
    }
    MimeMessage message = new StableIdMessage(session(), mail.outboxId(), settings.publicUrl());
    message.setFrom(new InternetAddress(headerSafe(settings.smtpFrom()), true));
    message.setRecipient(Message.RecipientType.TO, to);
    message.setSubject(headerSafe(mail.subject()), "UTF-8");
    message.setText(mail.body(), "UTF-8");
    message.setHeader("Auto-Submitted", "auto-generated");
    if (mail.unsubscribeUrl() != null) {
      // RFC 8058 one-click: a POST to this address unsubscribes, with no further step
      message.setHeader("List-Unsubscribe", "<" + headerSafe(mail.unsubscribeUrl()) + ">");
      message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }
    try {
      Transport.send(message);
    } catch (SendFailedException e) {
      if (e.getValidSentAddresses() == null || e.getValidSentAddresses().length == 0) {
        if (e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0)
          throw new Undeliverable("recipient refused by the SMTP server", e);
      }
      throw e;
    }
  }

  static String headerSafe(String value) {
    return value == null ? "" : value.replaceAll("[\\r\\n\\x00-\\x1f\\x7f]", " ").strip();
  }

  private Session session() {
    Session s = session;
    if (s == null) {
      s = newSession();
      session = s;
    }
    return s;
  }

  private Session newSession() {
    Properties p = new Properties();
    String tls = settings.tls();
    String protocol = tls.equals("tls") ? "smtps" : "smtp";
    p.put("mail.transport.protocol", protocol);
    String prefix = "mail." + protocol + ".";
    p.put(prefix + "host", settings.smtpHost());
    p.put(prefix + "port", String.valueOf(settings.smtpPort()));
    p.put(prefix + "connectiontimeout", "10000");
    p.put(prefix + "timeout", "10000");
    p.put(prefix + "writetimeout", "10000");
    if (tls.equals("starttls")) {
      p.put(prefix + "starttls.enable", "true");
      p.put(prefix + "starttls.required", "true");
    }
    if (!tls.equals("none")) p.put(prefix + "ssl.checkserveridentity", "true");
    Authenticator authenticator = null;
    if (settings.smtpUser().isPresent()) {
      p.put(prefix + "auth", "true");
      String user = settings.smtpUser().get();
      String password = settings.smtpPassword().orElse("");
      authenticator =
          new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
              return new PasswordAuthentication(user, password);
            }
          };
    }
    return Session.getInstance(p, authenticator);
  }

  /**
   * The Message-ID names the outbox row, so that a mail sent again by hand is recognisably the same
   * mail to the receiving side.
   */
  static final class StableIdMessage extends MimeMessage {
    private final long outboxId;
    private final String domain;

    StableIdMessage(Session session, long outboxId, String publicUrl) {
      super(session);
      this.outboxId = outboxId;
      String host = null;
      try {
        host = java.net.URI.create(publicUrl).getHost();
      } catch (IllegalArgumentException ignored) {
        // fall back below
      }
      this.domain = host == null ? "comments.invalid" : host;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", "<outbox-" + outboxId + "@" + domain + ">");
    }
  }
}
