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
 * Token buckets per client (the keyed client hash) and endpoint group, in this instance's memory:
 * one client flooding drains only its own bucket. With several instances behind a balancer each
 * keeps its own buckets, so the effective limit is per instance.
 */
@Provider
@RateLimited("")
@Priority(Priorities.AUTHENTICATION - 100)
public class RateLimits implements ContainerRequestFilter {

  private static final ConcurrentMap<String, Throttle> GROUPS = new ConcurrentHashMap<>();

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
    GROUPS
        .computeIfAbsent(group, this::throttle)
        .take(clients.hash(servletRequest))
        .ifPresent(
            wait -> {
              throw new WebApplicationException(
                  Response.status(429)
                      .header("Retry-After", Throttle.retryAfterSeconds(wait))
                      .build());
            });
  }

  private Throttle throttle(String group) {
    long perMinute =
        config.getOptionalValue("comments.rate." + group + ".per.minute", Long.class).orElse(10L);
    long burst =
        config.getOptionalValue("comments.rate." + group + ".burst", Long.class).orElse(perMinute);
    return new Throttle(burst, perMinute, Duration.ofMinutes(1));
  }
}
