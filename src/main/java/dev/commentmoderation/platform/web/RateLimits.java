package dev.commentmoderation.platform.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/**
 * Token buckets per client (the keyed client hash) and endpoint group, in this instance's memory:
 * one client flooding drains only its own bucket. With several instances behind a balancer each
 * keeps its own buckets, so the effective limit is per instance.
 */
@Provider
@RateLimited("")
@Priority(Priorities.AUTHENTICATION - 100)
public class RateLimits implements ContainerRequestFilter {

  private static final Cache<String, Bucket> BUCKETS =
      Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10)).maximumSize(200_000).build();

  @Context ResourceInfo resource;
  @Context HttpServletRequest servletRequest;
  @Inject ClientIdentity clients;
  @Inject Config config;

  @Override
  public void filter(ContainerRequestContext request) {
    RateLimited limited = resource.getResourceMethod().getAnnotation(RateLimited.class);
    if (limited == null) limited = resource.getResourceClass().getAnnotation(RateLimited.class);
    if (limited == null) return;
    String group = limited.value();
    Bucket bucket = BUCKETS.get(group + "|" + clients.hash(servletRequest), k -> bucket(group));
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
      throw new WebApplicationException(
          Response.status(429).header("Retry-After", String.valueOf(seconds)).build());
    }
  }

  private Bucket bucket(String group) {
    long perMinute = config.getOptionalValue("comments.rate." + group + ".per.minute", Long.class).orElse(10L);
    long burst = config.getOptionalValue("comments.rate." + group + ".burst", Long.class).orElse(perMinute);
    return Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(burst).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
        .build();
  }
}
