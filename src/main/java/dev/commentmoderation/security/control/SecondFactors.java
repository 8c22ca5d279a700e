package dev.commentmoderation.security.control;

import dev.commentmoderation.security.entity.Account;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The second factor (TOTP, RFC 6238) of moderator accounts. Placeholder of the interface the
 * sign-in uses; enrolment and checking land with issue #11's TOTP part.
 */
@ApplicationScoped
public class SecondFactors {

  /** Whether the account has a confirmed second factor (a code is then needed to sign in). */
  public boolean enrolled(Account account) {
    return false;
  }

  /**
   * Whether the account must enrol before it may do anything else (an admin when {@code
   * COMMENTS_ADMIN_2FA=required} and not enrolled).
   */
  public boolean mustEnrol(Account account) {
    return false;
  }

  /**
   * Checks a code typed at sign-in: a current TOTP code (not one used before) or an unused recovery
   * code, which is used up. Records what it uses; call inside a transaction.
   */
  public boolean accept(Account account, String code) {
    return false;
  }
}
