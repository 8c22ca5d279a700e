package dev.commentmoderation.platform.web;

import jakarta.annotation.Priority;
import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;

/**
 * Resolves the API's {@link Jsonb} once, before the first request reaches a resource.
 *
 * <p>Payara 6 wraps the application's JSON-B resolvers in its own ({@code
 * JaxRSJsonContextResolver}), which instantiates them lazily from a plain list on the first lookup
 * of each type. Two first requests writing different types at once race on that list, and one of
 * them answered 500 with a {@code ConcurrentModificationException} (seen right after a restart
 * under load in CrashRecoveryIT). One lookup made while every other request waits makes the list
 * empty before anyone else reads it.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class JsonbWarmUp implements ContainerRequestFilter {

  private static final Object LOCK = new Object();
  private static volatile boolean warm;

  @Context Providers providers;

  @Override
  public void filter(ContainerRequestContext request) {
    if (warm) return;
    synchronized (LOCK) {
      if (warm) return;
      ContextResolver<Jsonb> resolver =
          providers.getContextResolver(Jsonb.class, MediaType.APPLICATION_JSON_TYPE);
      // no resolver at all: nothing to race on; a null answer: try again on the next request
      warm = resolver == null || resolver.getContext(JsonbWarmUp.class) != null;
    }
  }
}
