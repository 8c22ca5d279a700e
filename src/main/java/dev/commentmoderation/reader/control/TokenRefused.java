package dev.commentmoderation.reader.control;

import dev.commentmoderation.platform.web.ProblemException;
import jakarta.ws.rs.core.Response;

/**
 * A reader call came with a sign-in token that is not accepted: {@code 401}, never an anonymous
 * post in its place. The reason is in the (localised) detail and in the {@code WWW-Authenticate}
 * header (RFC 6750), so that a site's developer sees which check failed.
 */
public class TokenRefused extends ProblemException {

  /** Why; each has its message key {@code reader.token.<name in lower case>}. */
  public enum Why {
    /** Malformed, wrongly signed, of an algorithm not accepted, without sub or exp, ... */
    INVALID,
    /** Expired (beyond the allowed clock skew). */
    EXPIRED,
    /** Valid for longer than the service accepts. */
    TOO_LONG_LIVED,
    /** Issued by someone else than {@code COMMENTS_SSO_ISSUER}. */
    WRONG_ISSUER,
    /** Meant for someone else than {@code COMMENTS_SSO_AUDIENCE}. */
    WRONG_AUDIENCE,
    /** Sign-in is not configured on this service, so no token can be accepted. */
    NOT_CONFIGURED
  }

  private final Why why;

  public TokenRefused(Why why) {
    super(
        Response.status(401)
            .header(
                "WWW-Authenticate",
                why == Why.NOT_CONFIGURED
                    ? "Bearer error=\"invalid_request\", error_description=\"sign-in not configured\""
                    : "Bearer error=\"invalid_token\", error_description=\""
                        + why.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                        + "\"")
            .build(),
        "reader.token." + why.name().toLowerCase(java.util.Locale.ROOT));
    this.why = why;
  }

  public Why why() {
    return why;
  }
}
