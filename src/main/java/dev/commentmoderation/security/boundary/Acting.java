package dev.commentmoderation.security.boundary;

import dev.commentmoderation.security.entity.Moderator;
import jakarta.ws.rs.core.SecurityContext;

/** The one place a request's caller becomes a {@link Moderator}. */
public final class Acting {

  private Acting() {}

  public static Moderator moderator(SecurityContext security) {
    return new Moderator(security.getUserPrincipal().getName(), security.isUserInRole("admin"));
  }
}
