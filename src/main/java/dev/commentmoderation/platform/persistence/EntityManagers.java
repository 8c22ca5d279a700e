package dev.commentmoderation.platform.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one place that holds the container's entity manager; every bean injects it with
 * {@code @Inject EntityManager}, and may use it only inside a transaction.
 *
 * <p>Why: outside a transaction, Payara keeps a "non-transactional" entity manager in the current
 * component invocation and closes it when that invocation ends. A task handed to a managed
 * executor, and the long-lived listener threads, share or outlive that invocation, so such a read
 * could meet an entity manager another thread had just closed ("Attempting to execute an operation
 * on a closed EntityManager") or, worse, use it from two threads at once. Inside a JTA transaction
 * the entity manager belongs to the transaction and none of this can happen; a read-only
 * transaction on one data source costs a few microseconds.
 *
 * <p>So a use outside a transaction is a bug. With {@code comments.persistence.strict=true} (the
 * tests set it) it throws at once, naming the caller; otherwise it is logged once per caller and
 * goes ahead as before.
 */
@ApplicationScoped
public class EntityManagers {

  private static final Logger LOG = Logger.getLogger(EntityManagers.class.getName());

  /** Methods that neither read nor write, allowed at any time. */
  private static final Set<String> HARMLESS =
      Set.of(
          "toString",
          "hashCode",
          "equals",
          "isOpen",
          "getEntityManagerFactory",
          "getCriteriaBuilder",
          "getMetamodel",
          "getProperties");

  @PersistenceContext EntityManager container;
  @Resource TransactionSynchronizationRegistry transactions;

  @Inject
  @ConfigProperty(name = "comments.persistence.strict", defaultValue = "false")
  boolean strict;

  private final Set<String> reported = ConcurrentHashMap.newKeySet();

  @Produces
  EntityManager entityManager() {
    return (EntityManager)
        Proxy.newProxyInstance(
            EntityManager.class.getClassLoader(),
            new Class<?>[] {EntityManager.class},
            new Guard());
  }

  /** True when a transaction is active on this thread (not finished, not absent). */
  boolean inTransaction() {
    int status = transactions.getTransactionStatus();
    return status != Status.STATUS_NO_TRANSACTION
        && status != Status.STATUS_COMMITTED
        && status != Status.STATUS_ROLLEDBACK
        && status != Status.STATUS_UNKNOWN;
  }

  private final class Guard implements InvocationHandler {
    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      if (!HARMLESS.contains(method.getName()) && !inTransaction()) outside(method);
      try {
        return method.invoke(container, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }

  private void outside(Method method) {
    String caller = caller();
    String message =
        "EntityManager."
            + method.getName()
            + " outside a transaction, called from "
            + caller
            + "; annotate the entry point @Transactional";
    if (strict) throw new IllegalStateException(message);
    if (reported.add(caller)) LOG.log(Level.WARNING, message);
  }

  /** The first frame of the application outside this class and the proxy. */
  private static String caller() {
    return StackWalker.getInstance()
        .walk(
            frames ->
                frames
                    .map(StackWalker.StackFrame::toStackTraceElement)
                    .filter(f -> f.getClassName().startsWith("dev.commentmoderation."))
                    .filter(f -> !f.getClassName().startsWith(EntityManagers.class.getName()))
                    .findFirst()
                    .map(StackTraceElement::toString)
                    .orElse("?"));
  }
}
