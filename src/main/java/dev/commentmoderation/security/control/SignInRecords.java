package dev.commentmoderation.security.control;

import dev.commentmoderation.audit.control.AuditLog;
import dev.commentmoderation.audit.entity.AuditAction;
import dev.commentmoderation.audit.entity.AuditSubject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Locale;

/**
 * The audit entries of sign-in failures, each in a transaction of its own (a failed sign-in has
 * none to join). One entry per burst: when an (account, client) or a client starts being locked,
 * not per failure. The client is named by the first characters of its keyed hash.
 */
@ApplicationScoped
public class SignInRecords {

  /** The actor of entries no signed-in moderator caused. */
  public static final String ANONYMOUS = "anonymous";

  @Inject AuditLog audit;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void failures(String username, String client, LoginThrottle.Crossed crossed) {
    String who = client.length() > 12 ? client.substring(0, 12) : client;
    String scope =
        crossed.accountClient() && crossed.client()
            ? "account and client"
            : crossed.accountClient() ? "account from client" : "client";
    audit.record(
        AuditSubject.account(username.length() > 80 ? username.substring(0, 80) : username),
        ANONYMOUS,
        AuditAction.SIGN_IN_FAILURES,
        String.format(
            Locale.ROOT,
            "%d failed sign-ins, %s %s locked for a while",
            crossed.failures(),
            scope,
            who));
  }
}
