package dev.commentmoderation.security.boundary;

import dev.commentmoderation.platform.i18n.Messages;
import dev.commentmoderation.platform.validation.TrimmedLength;
import dev.commentmoderation.platform.web.ClientIdentity;
import dev.commentmoderation.platform.web.Problem;
import dev.commentmoderation.security.control.LoginThrottle;
import dev.commentmoderation.security.control.Sessions;
import dev.commentmoderation.security.control.SignIns;
import dev.commentmoderation.security.entity.ModeratorSession;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The dashboard's sign-in: a server-side session held by the browser in an HttpOnly,
 * SameSite=Strict cookie (Secure over TLS), with a CSRF token the page keeps in memory and sends as
 * {@code X-CSRF-Token} on state-changing calls ({@link SessionGuard}). The password is checked as
 * for Basic ({@link SignIns}: throttle, hashing slot, one PBKDF2), then the second factor when the
 * account has one. The three {@code session} methods are the only {@code @PermitAll} endpoints
 * under {@code /api/moderation}: signing in needs no session, and reading or ending one needs the
 * session itself (401 without). Failures are 401 problems that do not tell which part was wrong,
 * except the {@code secondFactor} member once the password was right.
 */
@Path("moderation")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class SessionResource {

  // @TrimmedLength rather than @Size: Payara's OpenAPI generator fails on @Size of record
  // components

  private static final String CHALLENGE = "FormBasic realm=\"comment-moderation\"";

  @Inject SignIns signIns;
  @Inject Sessions sessions;
  @Inject ClientIdentity clients;
  @Inject Messages messages;
  @Context HttpServletRequest servletRequest;
  @Context HttpHeaders headers;
  @Context SecurityContext security;

  public record SignIn(
      @NotNull(message = "{text.required}") @TrimmedLength(max = 200) String username,
      @NotNull(message = "{text.required}") @TrimmedLength(max = 1000) String password,
      @TrimmedLength(min = 0, max = 64) String totp) {}

  public record SessionView(
      String username, List<String> roles, String csrfToken, boolean mustEnrol) {
    static SessionView of(Sessions.Active s) {
      return new SessionView(
          s.username(), s.roles().stream().sorted().toList(), s.csrfToken(), s.restricted());
    }
  }

  public record SessionItem(
      String id,
      Instant createdAt,
      Instant lastSeenAt,
      Instant expiresAt,
      String userAgent,
      boolean current) {}

  public record SessionList(List<SessionItem> items) {}

  @POST
  @Path("session")
  @PermitAll
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Sign in: a session cookie and the CSRF token for the dashboard")
  public Response signIn(@Valid @NotNull(message = "{comment.required}") SignIn request) {
    Locale locale = locale();
    String client = clients.hash(servletRequest);
    var outcome = signIns.verify(request.username(), request.password(), client);
    if (outcome instanceof SignIns.Throttled t) {
      return Problem.of(429, "Too Many Requests", messages.get(locale, "auth.throttled"))
          .toResponse()
          .header("Retry-After", String.valueOf(LoginThrottle.seconds(t.retryAfter())))
          .build();
    }
    if (outcome instanceof SignIns.Busy) return RoleCheck.busy(messages, locale);
    if (!(outcome instanceof SignIns.Valid valid)) return unauthorized("auth.bad-credentials");
    var opening =
        sessions.open(valid.username(), request.totp(), servletRequest.getHeader("User-Agent"));
    if (opening instanceof Sessions.SecondFactorNeeded needed) {
      if (needed.wrong()) signIns.secondFactorFailed(valid.username(), client);
      String detail =
          messages.get(
              locale, needed.wrong() ? "auth.second-factor-wrong" : "auth.second-factor-required");
      String body =
          Json.createObjectBuilder()
              .add("type", "about:blank")
              .add("title", "Unauthorized")
              .add("status", 401)
              .add("detail", detail)
              .add("secondFactor", "required")
              .build()
              .toString();
      return Response.status(401)
          .type(Problem.MEDIA_TYPE.withCharset("UTF-8"))
          .header("WWW-Authenticate", CHALLENGE)
          .entity(body)
          .build();
    }
    if (!(opening instanceof Sessions.Opened opened)) return unauthorized("auth.bad-credentials");
    return Response.ok(SessionView.of(opened.session()))
        .header(
            "Set-Cookie",
            cookie(opened.token(), sessions.maxAge().toSeconds(), clients.secure(servletRequest)))
        .build();
  }

  @GET
  @Path("session")
  @PermitAll
  @Operation(summary = "The current session (a reloaded dashboard learns its CSRF token)")
  public Response current() {
    Sessions.Active session = session();
    if (session == null) return unauthorized("auth.no-session");
    return Response.ok(SessionView.of(session)).build();
  }

  @DELETE
  @Path("session")
  @PermitAll
  @Operation(summary = "Sign out: the session ends on the server and the cookie is cleared")
  public Response signOut() {
    Sessions.Active session = session();
    if (session == null) return unauthorized("auth.no-session");
    sessions.signOut(session);
    return Response.noContent()
        .header("Set-Cookie", cookie("", 0, clients.secure(servletRequest)))
        .build();
  }

  @GET
  @Path("sessions")
  @RolesAllowed({"moderator", "admin"})
  @Operation(summary = "The caller's own sessions (never their tokens)")
  public SessionList list() {
    Sessions.Active session = session();
    String current = session == null ? null : session.publicId();
    var idle = sessions.idle();
    return new SessionList(
        sessions.list(security.getUserPrincipal().getName()).stream()
            .map(s -> item(s, idle, Objects.equals(current, s.publicId())))
            .toList());
  }

  @DELETE
  @Path("sessions/{id}")
  @RolesAllowed({"moderator", "admin"})
  @Operation(summary = "Ends one of the caller's own sessions")
  public Response end(@PathParam("id") String id) {
    boolean ended =
        id != null
            && id.matches("[A-Za-z0-9_-]{1,32}")
            && sessions.endOwn(security.getUserPrincipal().getName(), id);
    if (!ended) {
      return Problem.of(404, "Not Found", messages.get(locale(), "session.not-found"))
          .toResponse()
          .build();
    }
    return Response.noContent().build();
  }

  private static SessionItem item(ModeratorSession s, java.time.Duration idle, boolean current) {
    return new SessionItem(
        s.publicId(),
        s.createdAt().toInstant(),
        s.lastSeenAt().toInstant(),
        s.endsAt(idle).toInstant(),
        s.userAgent(),
        current);
  }

  private Sessions.Active session() {
    return servletRequest.getAttribute(BasicAuthentication.SESSION) instanceof Sessions.Active a
        ? a
        : null;
  }

  private Locale locale() {
    return Messages.negotiate(headers.getAcceptableLanguages());
  }

  private Response unauthorized(String key) {
    return Problem.of(401, "Unauthorized", messages.get(locale(), key))
        .toResponse()
        .header("WWW-Authenticate", CHALLENGE)
        .build();
  }

  /** The session cookie: HttpOnly, SameSite=Strict, whole site, Secure when reached over TLS. */
  static String cookie(String token, long maxAgeSeconds, boolean secure) {
    return Sessions.COOKIE
        + "="
        + token
        + "; Path=/; Max-Age="
        + maxAgeSeconds
        + "; HttpOnly; SameSite=Strict"
        + (secure ? "; Secure" : "");
  }
}
