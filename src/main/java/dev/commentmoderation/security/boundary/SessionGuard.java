package dev.commentmoderation.security.boundary;

import dev.commentmoderation.platform.i18n.Messages;
import dev.commentmoderation.platform.web.Problem;
import dev.commentmoderation.security.control.Sessions;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import java.util.Set;

/**
 * What a request authenticated by the session cookie must also satisfy. A state-changing call
 * (anything but GET, HEAD, OPTIONS) carries {@code X-CSRF-Token} equal to the session's token
 * (compared in constant time), else 403: another site can make the browser send the cookie (were it
 * not {@code SameSite=Strict}) but cannot read the token. A restricted session (the account must
 * enrol a second factor first) may only look at and end itself and its owner's sessions and use
 * {@code /api/moderation/account/2fa}; everything else is 403. Basic and API-key calls carry no
 * ambient authority and need no token.
 */
@Provider
@Priority(Priorities.AUTHORIZATION - 200)
public class SessionGuard implements ContainerRequestFilter {

  static final String CSRF_HEADER = "X-CSRF-Token";
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

  @Context HttpServletRequest servletRequest;
  @Inject Messages messages;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!(servletRequest.getAttribute(BasicAuthentication.SESSION)
        instanceof Sessions.Active session)) {
      return;
    }
    Locale locale = Messages.negotiate(request.getAcceptableLanguages());
    String method = request.getMethod();
    String path = request.getUriInfo().getPath();
    // signing in again checks a password anyway; it is never refused for the session it replaces
    if (isSignIn(method, path)) return;
    if (!SAFE.contains(method)
        && !Sessions.csrfMatches(session, request.getHeaderString(CSRF_HEADER))) {
      request.abortWith(
          Problem.of(403, "Forbidden", messages.get(locale, "auth.csrf")).toResponse().build());
      return;
    }
    if (session.restricted() && !allowedWhileRestricted(method, path)) {
      request.abortWith(
          Problem.of(403, "Forbidden", messages.get(locale, "auth.enrolment-required"))
              .toResponse()
              .build());
    }
  }

  static boolean isSignIn(String method, String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    return method.equals("POST")
        && (p.equals("moderation/session") || p.equals("moderation/session/"));
  }

  /** {@code path} relative to {@code /api}, without a leading slash. */
  static boolean allowedWhileRestricted(String method, String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    if (p.endsWith("/")) p = p.substring(0, p.length() - 1);
    boolean readOrEnd = method.equals("GET") || method.equals("DELETE");
    if (p.equals("moderation/session")) return readOrEnd;
    if (p.equals("moderation/sessions")) return method.equals("GET");
    if (p.startsWith("moderation/sessions/")) return method.equals("DELETE");
    return p.equals("moderation/account/2fa") || p.startsWith("moderation/account/2fa/");
  }
}
