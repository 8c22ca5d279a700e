package dev.commentmoderation.comment.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PublicCachingTest {

  static PublicCaching caching(int maxAge, int shared, int stale) {
    var c = new PublicCaching();
    c.maxAge = maxAge;
    c.sharedMaxAge = shared;
    c.staleWhileRevalidate = stale;
    return c;
  }

  @Test
  void byDefaultBrowsersRevalidateAndOnlyCdnsServeStale() {
    var c = caching(0, 5, 5);
    assertEquals("public, max-age=0, s-maxage=5", c.cacheControl());
    assertEquals("max-age=5, stale-while-revalidate=5", c.cdnCacheControl());
  }

  @Test
  void whenBrowsersMayKeepAPageTheyMayAlsoServeItStale() {
    var c = caching(5, 10, 20);
    assertEquals("public, max-age=5, s-maxage=10, stale-while-revalidate=20", c.cacheControl());
    assertEquals("max-age=10, stale-while-revalidate=20", c.cdnCacheControl());
    assertEquals("public, max-age=0, s-maxage=0", caching(-1, -1, 0).cacheControl());
  }
}
