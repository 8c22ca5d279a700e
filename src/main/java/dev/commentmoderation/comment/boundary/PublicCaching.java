package dev.commentmoderation.comment.boundary;

import dev.commentmoderation.comment.control.ThreadCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * HTTP caching of the public reads: a strong ETag from the content, {@code 304} for a matching
 * {@code If-None-Match}, and freshness aimed at shared caches. A CDN may keep a page for {@code
 * s-maxage} and serve it stale while it revalidates; a browser revalidates every time by default (a
 * cheap {@code 304}), so that a reader who reloads sees their own comment and a moderator's
 * decision at once. {@code stale-while-revalidate} goes only in {@code CDN-Cache-Control} (RFC
 * 9213): browsers honour it too, and would show a reloading reader the page from before. The body
 * depends on nothing in the request but its URL; {@code Vary: Origin} because the CORS answer does
 * (set on every response, so that a shared cache never hands a same-origin answer to a cross-origin
 * reader).
 */
@ApplicationScoped
public class PublicCaching {

  @Inject
  @ConfigProperty(name = "comments.thread.http.max.age.seconds", defaultValue = "0")
  int maxAge;

  @Inject
  @ConfigProperty(name = "comments.thread.http.shared.max.age.seconds", defaultValue = "5")
  int sharedMaxAge;

  @Inject
  @ConfigProperty(name = "comments.thread.http.stale.while.revalidate.seconds", defaultValue = "5")
  int staleWhileRevalidate;

  String cacheControl() {
    return "public, max-age="
        + Math.max(0, maxAge)
        + ", s-maxage="
        + Math.max(0, sharedMaxAge)
        + (maxAge > 0 ? swr() : "");
  }

  String cdnCacheControl() {
    return "max-age=" + Math.max(0, sharedMaxAge) + swr();
  }

  private String swr() {
    return staleWhileRevalidate > 0 ? ", stale-while-revalidate=" + staleWhileRevalidate : "";
  }

  public Response respond(Request request, ThreadCache.Rendered page) {
    EntityTag tag = new EntityTag(page.etag());
    Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
    Response.ResponseBuilder answer =
        notModified != null
            ? notModified
            : Response.ok(page.json(), MediaType.APPLICATION_JSON_TYPE);
    return answer
        .tag(tag)
        .header(HttpHeaders.CACHE_CONTROL, cacheControl())
        .header("CDN-Cache-Control", cdnCacheControl())
        .header(HttpHeaders.VARY, "Origin")
        .build();
  }
}
