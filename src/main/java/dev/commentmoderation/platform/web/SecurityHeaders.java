package dev.commentmoderation.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * Security headers for everything the service serves. The pages (demo article, moderator dashboard)
 * load only their own scripts and styles, so their policy needs no 'unsafe-inline'. The widget's
 * script and stylesheet are the exception to same-origin thinking: a news site on another origin
 * loads them, so they are marked cross-origin loadable (and CORS-readable, which lets a site pin
 * them with Subresource Integrity). HSTS belongs to the TLS terminator in front.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeaders extends HttpFilter {

  static final String PAGE_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none';"
          + " frame-ancestors 'self'";

  /** JSON is never a document to render: nothing may load, run, or frame it. */
  static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

  enum Kind {
    WIDGET_ASSET,
    API,
    MODERATION_API,
    DASHBOARD,
    PAGE
  }

  static Kind kind(String path) {
    if (path.equals("/widget.js") || path.equals("/widget.css") || path.equals("/count.js")) {
      return Kind.WIDGET_ASSET;
    }
    if (path.startsWith("/api/moderation")) return Kind.MODERATION_API;
    // the one-click unsubscribe's confirmation is a page with a form, not JSON (issue #13)
    if (path.equals("/api/notifications/unsubscribe")) return Kind.PAGE;
    if (path.startsWith("/api/")) return Kind.API;
    if (path.equals("/moderation") || path.startsWith("/moderation/")) return Kind.DASHBOARD;
    return Kind.PAGE;
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    response.setHeader("X-Content-Type-Options", "nosniff");
    switch (kind(path)) {
      case WIDGET_ASSET -> {
        response.setHeader("Cross-Origin-Resource-Policy", "cross-origin");
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.setHeader("Cache-Control", "public, max-age=300");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
      }
      case API, MODERATION_API -> {
        response.setHeader("Content-Security-Policy", API_POLICY);
        response.setHeader("Referrer-Policy", "no-referrer");
        // what a moderator sees (e-mail addresses, held texts) must not linger in caches
        if (kind(path) == Kind.MODERATION_API) response.setHeader("Cache-Control", "no-store");
      }
      case DASHBOARD -> {
        pageHeaders(response);
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
      }
      case PAGE -> {
        pageHeaders(response);
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
      }
    }
    chain.doFilter(
        request,
        kind(path) == Kind.API || kind(path) == Kind.MODERATION_API
            ? response
            : new Utf8Text(response));
  }

  /**
   * Static files leave the container as "application/javascript" or "text/css" without a charset; a
   * news page in windows-1251 would then decode the widget's Russian and Kyrgyz text wrongly.
   */
  static String withCharset(String type) {
    if (type == null || type.toLowerCase(java.util.Locale.ROOT).contains("charset")) return type;
    String t = type.toLowerCase(java.util.Locale.ROOT);
    boolean text =
        t.startsWith("text/")
            || t.startsWith("application/javascript")
            || t.endsWith("+xml")
            || t.endsWith("/json");
    return text ? type + ";charset=UTF-8" : type;
  }

  private static final class Utf8Text extends HttpServletResponseWrapper {
    Utf8Text(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void setContentType(String type) {
      super.setContentType(withCharset(type));
    }

    @Override
    public void setHeader(String name, String value) {
      super.setHeader(name, "Content-Type".equalsIgnoreCase(name) ? withCharset(value) : value);
    }

    @Override
    public void addHeader(String name, String value) {
      super.addHeader(name, "Content-Type".equalsIgnoreCase(name) ? withCharset(value) : value);
    }
  }

  private static void pageHeaders(HttpServletResponse response) {
    response.setHeader("Content-Security-Policy", PAGE_POLICY);
    response.setHeader("X-Frame-Options", "SAMEORIGIN");
    response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  }
}
