package dev.commentmoderation.security.boundary;

import dev.commentmoderation.platform.web.ClientIdentity;
import dev.commentmoderation.security.control.ApiKeys;
import dev.commentmoderation.security.control.LoginThrottle;
import dev.commentmoderation.security.control.Sessions;
import dev.commentmoderation.security.control.SignIns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * Who calls, in this order: a CMS's {@code X-Api-Key}; the dashboard's session cookie ({@link
 * Sessions}, checked against the database on every request, so a signed-out, expired or disabled
 * session is refused at once, on every instance); HTTP Basic for scripts. Cookie and Basic are
 * looked at only under {@code /api/moderation/}, the only paths that need a moderator: a Basic
 * header on a public endpoint costs no password hash. Nothing here is refused outright: without
 * valid credentials a request goes on anonymously and {@link RoleCheck} answers 401, 403, 429 (a
 * locked client, told without hashing) or 503 (no hashing slot) where a role is required, so a
 * public endpoint never fails because of them. {@link SessionGuard} adds the CSRF check of
 * cookie-authenticated requests.
 */
@ApplicationScoped
public class BasicAuthentication implements HttpAuthenticationMechanism {

  public static final String API_KEY_HEADER = "X-Api-Key";

  /** The request attribute holding the {@link Sessions.Active} session a request came with. */
  public static final String SESSION = BasicAuthentication.class.getName() + ".session";

  static final String MODERATION = "/api/moderation";

  @Inject ApiKeys apiKeys;
  @Inject Sessions sessions;
  @Inject SignIns signIns;
  @Inject ClientIdentity clients;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String apiKey = request.getHeader(API_KEY_HEADER);
    if (apiKey != null && !apiKey.isBlank()) return apiKey(apiKey.strip(), request, context);
    if (!needsModerator(request)) return context.doNothing();
    for (String token : sessionTokens(request)) {
      var session = sessions.authenticate(token);
      if (session.isPresent()) {
        request.setAttribute(SESSION, session.get());
        return context.notifyContainerAboutLogin(
            new CallerPrincipal(session.get().username()), session.get().roles());
      }
    }
    UsernamePasswordCredential credential = credential(request.getHeader("Authorization"));
    if (credential == null) return context.doNothing();
    var outcome =
        signIns.basic(
            credential.getCaller(), credential.getPasswordAsString(), clients.hash(request));
    if (outcome instanceof SignIns.Valid valid) {
      return context.notifyContainerAboutLogin(
          new CallerPrincipal(valid.username()), valid.roles());
    }
    if (outcome instanceof SignIns.Throttled throttled) {
      // refused without checking the password, so guessing gains nothing while locked
      request.setAttribute(RoleCheck.THROTTLED, LoginThrottle.seconds(throttled.retryAfter()));
    } else if (outcome instanceof SignIns.Busy) {
      request.setAttribute(RoleCheck.BUSY, Boolean.TRUE);
    } else if (outcome instanceof SignIns.SecondFactorRequired) {
      request.setAttribute(RoleCheck.SECOND_FACTOR, Boolean.TRUE);
    } else {
      request.setAttribute(RoleCheck.BAD_CREDENTIALS, Boolean.TRUE);
    }
    return context.doNothing();
  }

  /** Paths where a moderator's credentials mean anything: the moderator API. */
  static boolean needsModerator(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.equals(MODERATION) || path.startsWith(MODERATION + "/");
  }

  private static java.util.List<String> sessionTokens(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) return java.util.List.of();
    java.util.List<String> tokens = new java.util.ArrayList<>(1);
    for (Cookie c : cookies) {
      if (Sessions.COOKIE.equals(c.getName()) && c.getValue() != null && tokens.size() < 3) {
        tokens.add(c.getValue());
      }
    }
    return tokens;
  }

  /** A CMS's API key: the caller is "api-key:{name}" with the single role "cms". */
  private AuthenticationStatus apiKey(
      String key, HttpServletRequest request, HttpMessageContext context) {
    var name = key.length() > 200 ? java.util.Optional.<String>empty() : apiKeys.validate(key);
    if (name.isEmpty()) {
      request.setAttribute(RoleCheck.BAD_CREDENTIALS, Boolean.TRUE);
      return context.doNothing();
    }
    return context.notifyContainerAboutLogin(
        new CallerPrincipal(ApiKeys.PRINCIPAL_PREFIX + name.get()), Set.of(ApiKeys.ROLE));
  }

  static UsernamePasswordCredential credential(String header) {
    if (header == null || header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) return null;
    return new UsernamePasswordCredential(
        decoded.substring(0, colon), decoded.substring(colon + 1));
  }
}
