package dev.commentmoderation.comment.control;

import dev.commentmoderation.platform.web.ClientIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Who a reader is, in the one place every "one per reader" and "signed-in readers skip this" asks
 * (reactions, the proof-of-work challenge). Today every reader is anonymous and known by their
 * client (the keyed hash of the address). When sign-in from the site (SSO) lands, {@link #key}
 * returns {@code "sso:<issuer>:<subject>"} for a signed-in reader and {@link #signedIn} true: the
 * callers need no change.
 */
@ApplicationScoped
public class Readers {

  @Inject ClientIdentity clients;

  /** The key "one per reader" counts by: {@code "client:<client hash>"} for anonymous readers. */
  public String key(HttpServletRequest request) {
    return "client:" + clients.hash(request);
  }

  /** Whether the site vouches for this reader (SSO); such readers never see the challenge. */
  public boolean signedIn(HttpServletRequest request) {
    return false;
  }
}
