package dev.commentmoderation.platform.web;

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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.microprofile.config.Config;

/**
 * Token buckets per client (the keyed client hash) and endpoint group: one client flooding drains
 * only its own bucket. The instance's own bucket answers first (a client over the limit here is
 * refused without a database round trip); then the bucket shared by every instance on the same
 * PostgreSQL ({@link SharedBudgets}), so a client has one budget behind any number of instances.
 */
@Provider
@RateLimited("")
@Priority(Priorities.AUTHENTICATION - 100)
public class RateLimits implements ContainerRequestFilter {

  private static final ConcurrentMap<String, Limit> GROUPS = new ConcurrentHashMap<>();

  private record Limit(Throttle local, long burst, long perMinute) {}

  @Context ResourceInfo resource;
  @Context HttpServletRequest servletRequest;
  @Inject ClientIdentity clients;
  @Inject Config config;
  @Inject SharedBudgets shared;

  @Override
  public void filter(ContainerRequestContext request) {
    RateLimited limited = resource.getResourceMethod().getAnnotation(RateLimited.class);
    if (limited == null) limited = resource.getResourceClass().getAnnotation(RateLimited.class);
    if (limited == null) return;
    String group = limited.value();
    Limit limit = GROUPS.computeIfAbsent(group, this::limit);
    String client = clients.hash(servletRequest);
    limit
        .local()
        .take(client)
        .or(
            () ->
                shared.take(group, client, limit.burst(), limit.perMinute(), Duration.ofMinutes(1)))
        .ifPresent(
            wait -> {
              throw new WebApplicationException(
                  Response.status(429)
                      .header("Retry-After", Throttle.retryAfterSeconds(wait))
                      .build());
            });
  }

  private Limit limit(String group) {
    long perMinute =
        config.getOptionalValue("comments.rate." + group + ".per.minute", Long.class).orElse(10L);
    long burst =
        config.getOptionalValue("comments.rate." + group + ".burst", Long.class).orElse(perMinute);
    return new Limit(new Throttle(burst, perMinute, Duration.ofMinutes(1)), burst, perMinute);
  }
}
