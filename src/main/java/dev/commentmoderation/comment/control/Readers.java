package dev.commentmoderation.comment.control;

import dev.commentmoderation.reader.control.Callers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Who a reader is, in the one place every "one per reader" and "signed-in readers skip this" asks
 * (reactions, the proof-of-work challenge). A reader the site signed in is known by their reader id
 * (issuer and subject), from any address; an anonymous one by their client (the keyed hash of the
 * address, one per IPv6 /64).
 */
@ApplicationScoped
public class Readers {

  @Inject Callers callers;

  /**
   * The key "one per reader" counts by: {@code "reader:<id>"} for a reader the site signed in,
   * {@code "client:<client hash>"} for anonymous readers. A bad sign-in token is refused (401).
   */
  public String key(HttpServletRequest request) {
    return callers.identify(request).key();
  }

  /** Whether the site vouches for this reader (SSO); such readers never see the challenge. */
  public boolean signedIn(HttpServletRequest request) {
    return callers.identify(request).signedIn();
  }
}
