package dev.commentmoderation.platform.web;

import dev.commentmoderation.platform.persistence.DatabaseOutages;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.Path;

/**
 * Turns a transaction that failed to begin or commit at a resource method into a typed problem.
 * Without this, the {@code TransactionalException} reaches Jersey's own mapper for it, which
 * rethrows it, and the client gets the container's HTML error page with a 500 (seen when PostgreSQL
 * stopped during a commit). It sits outside the transaction interceptor (lower priority number),
 * and only around JAX-RS resources: control beans that catch {@code TransactionalException}
 * themselves (the bulk decisions) still see it. {@code value} is a binding member of
 * {@code @Transactional}: this binds to the default, {@code REQUIRED}, which is what the resources
 * use.
 */
@Transactional
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class TransactionOutcome {

  @Inject DatabaseOutages outages;

  @AroundInvoke
  Object translate(InvocationContext invocation) throws Exception {
    try {
      return invocation.proceed();
    } catch (TransactionalException e) {
      if (!isResource(invocation.getMethod().getDeclaringClass())) throw e;
      if (ProblemMappers.Unexpected.causedBy(e, OptimisticLockException.class)) {
        throw new ConcurrentChange(e);
      }
      outages.unavailable(e); // logged once per outage, with a periodic count
      throw new DatabaseUnavailable(e);
    }
  }

  private static boolean isResource(Class<?> type) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      if (c.isAnnotationPresent(Path.class)) return true;
    }
    return false;
  }

  /** Someone changed the same row first; the commit lost. 409. */
  public static class ConcurrentChange extends ProblemException {
    ConcurrentChange(Throwable cause) {
      super(409, "problem.http.409");
      initCause(cause);
    }
  }
}
