package dev.commentmoderation.security.boundary;

import dev.commentmoderation.platform.i18n.Messages;
import dev.commentmoderation.platform.web.Problem;
import dev.commentmoderation.security.control.ApiKeys;
import jakarta.annotation.Priority;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Locale;

/**
 * Enforces {@code @RolesAllowed} on resources (ahead of the JAX-RS runtime's own check, which
 * answers without a challenge or a problem document): 401 (with a Basic challenge) without valid
 * credentials, 429 with {@code Retry-After} when the sign-in throttle refused them unchecked, 503
 * when no password-hashing slot was free, 403 with a role that is not allowed. Every moderation
 * resource carries the annotation at class level, so a new endpoint there is protected by default.
 */
@Provider
@Priority(Priorities.AUTHORIZATION - 100)
public class RoleCheck implements ContainerRequestFilter {

  static final String BAD_CREDENTIALS = RoleCheck.class.getName() + ".badCredentials";
  static final String THROTTLED = RoleCheck.class.getName() + ".throttled";
  static final String BUSY = RoleCheck.class.getName() + ".busy";
  static final String SECOND_FACTOR = RoleCheck.class.getName() + ".secondFactor";
  public static final String CHALLENGE = "Basic realm=\"comment-moderation\", charset=\"UTF-8\"";

  @Context ResourceInfo resource;
  @Context HttpServletRequest servletRequest;
  @Inject Messages messages;

  @Override
  public void filter(ContainerRequestContext request) {
    RolesAllowed allowed = rolesAllowed(resource.getResourceMethod(), resource.getResourceClass());
    if (allowed == null) return;
    if (isApiKey(request.getSecurityContext())) {
      // the container maps an API key to no role; from here on (the runtime's own role check, the
      // resources) it is in role "cms" and nothing else
      request.setSecurityContext(new ApiKeySecurity(request.getSecurityContext()));
    }
    SecurityContext security = request.getSecurityContext();
    Locale locale = Messages.negotiate(request.getAcceptableLanguages());
    if (security.getUserPrincipal() == null && servletRequest.getAttribute(THROTTLED) != null) {
      request.abortWith(
          Problem.of(429, "Too Many Requests", messages.get(locale, "auth.throttled"))
              .toResponse()
              .header("Retry-After", String.valueOf(servletRequest.getAttribute(THROTTLED)))
              .build());
      return;
    }
    if (security.getUserPrincipal() == null && servletRequest.getAttribute(BUSY) != null) {
      request.abortWith(busy(messages, locale));
      return;
    }
    if (security.getUserPrincipal() == null) {
      String key =
          servletRequest.getAttribute(SECOND_FACTOR) != null
              ? "auth.basic-second-factor"
              : servletRequest.getAttribute(BAD_CREDENTIALS) != null
                  ? "auth.bad-credentials"
                  : "auth.required";
      request.abortWith(
          Problem.of(401, "Unauthorized", messages.get(locale, key))
              .toResponse()
              .header("WWW-Authenticate", challenge(request))
              .build());
      return;
    }
    if (Arrays.stream(allowed.value()).noneMatch(role -> hasRole(security, role))) {
      request.abortWith(
          Problem.of(
                  Response.Status.FORBIDDEN.getStatusCode(),
                  "Forbidden",
                  messages.get(locale, "auth.forbidden"))
              .toResponse()
              .build());
    }
  }

  /** No password-hashing slot free: try again in a second. */
  static Response busy(Messages messages, Locale locale) {
    return Problem.of(503, "Service Unavailable", messages.get(locale, "auth.busy"))
        .toResponse()
        .header("Retry-After", "1")
        .build();
  }

  /**
   * Scripts of the dashboard ask with {@code X-Requested-With}; they get a challenge scheme the
   * browser does not act on, so it shows the dashboard's own login form instead of its dialog.
   */
  private static String challenge(ContainerRequestContext request) {
    return request.getHeaderString("X-Requested-With") != null
        ? "FormBasic realm=\"comment-moderation\""
        : CHALLENGE;
  }

  /**
   * Account roles come from the container's role mapping (WEB-INF/payara-web.xml maps the groups
   * moderator and admin); an API key's one role, "cms", is told by its principal, which the
   * container maps to no role at all, so a key can never pass as an account.
   */
  static boolean hasRole(SecurityContext security, String role) {
    boolean apiKey = isApiKey(security);
    return ApiKeys.ROLE.equals(role) ? apiKey : !apiKey && security.isUserInRole(role);
  }

  static boolean isApiKey(SecurityContext security) {
    return security.getUserPrincipal() != null
        && security.getUserPrincipal().getName().startsWith(ApiKeys.PRINCIPAL_PREFIX);
  }

  private record ApiKeySecurity(SecurityContext container) implements SecurityContext {
    @Override
    public java.security.Principal getUserPrincipal() {
      return container.getUserPrincipal();
    }

    @Override
    public boolean isUserInRole(String role) {
      return ApiKeys.ROLE.equals(role);
    }

    @Override
    public boolean isSecure() {
      return container.isSecure();
    }

    @Override
    public String getAuthenticationScheme() {
      return "API-Key";
    }
  }

  static RolesAllowed rolesAllowed(Method method, Class<?> type) {
    if (method != null && method.isAnnotationPresent(RolesAllowed.class)) {
      return method.getAnnotation(RolesAllowed.class);
    }
    return type == null ? null : type.getAnnotation(RolesAllowed.class);
  }
}
