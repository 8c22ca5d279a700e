package dev.commentmoderation.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Cross-origin access for the reader widget, which a news site embeds from the service's origin:
 * the public reader endpoints answer the origins in {@code COMMENTS_ALLOWED_ORIGINS} ({@code *} for
 * any). Credentials are never allowed cross-origin, and the moderation API gets no CORS headers at
 * all: the dashboard is served from the service's own origin.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class Cors extends HttpFilter {

  @Inject
  @ConfigProperty(name = "comments.allowed.origins")
  Optional<String> allowedOrigins;

  private volatile Set<String> origins;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String origin = request.getHeader("Origin");
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean publicEndpoint = !path.startsWith("/api/moderation");
    if (origin == null || !publicEndpoint) {
      chain.doFilter(request, response);
      return;
    }
    String allow = allowed(origin);
    if (allow != null) {
      response.setHeader("Access-Control-Allow-Origin", allow);
      response.setHeader(
          "Access-Control-Expose-Headers",
          "Location, Retry-After, ETag, X-Comment-Challenge, Idempotent-Replayed");
    }
    response.addHeader("Vary", "Origin");
    boolean preflight =
        "OPTIONS".equals(request.getMethod())
            && request.getHeader("Access-Control-Request-Method") != null;
    if (preflight) {
      if (allow != null) {
        response.setHeader("Access-Control-Allow-Methods", "GET, POST, PATCH, DELETE, OPTIONS");
        // Authorization: a reader's sign-in token (a header, not a credential in the CORS sense)
        response.setHeader(
            "Access-Control-Allow-Headers",
            "Content-Type, Accept, Accept-Language, Authorization, X-Comment-Edit-Token,"
                + " X-Comment-Challenge, X-Comment-Challenge-Nonce, Idempotency-Key");
        response.setHeader("Access-Control-Max-Age", "600");
      }
      response.setStatus(HttpServletResponse.SC_NO_CONTENT);
      return;
    }
    chain.doFilter(request, response);
  }

  private String allowed(String origin) {
    Set<String> allowed = origins;
    if (allowed == null) {
      allowed =
          allowedOrigins
              .map(
                  s ->
                      Arrays.stream(s.split(","))
                          .map(String::strip)
                          .filter(o -> !o.isEmpty())
                          .map(o -> o.endsWith("/") ? o.substring(0, o.length() - 1) : o)
                          .collect(Collectors.toUnmodifiableSet()))
              .orElse(Set.of());
      origins = allowed;
    }
    if (allowed.contains(origin)) return origin;
    return allowed.contains("*") ? "*" : null;
  }
}
