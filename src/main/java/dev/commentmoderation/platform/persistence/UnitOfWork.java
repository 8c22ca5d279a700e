package dev.commentmoderation.platform.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/**
 * A transaction around work that runs off a request: a task on a managed executor, a listener
 * thread. The entity manager may be used only inside one (see {@link EntityManagers}).
 */
@ApplicationScoped
public class UnitOfWork {

  /** Runs the work in the current transaction, or a new one. */
  @Transactional
  public <T> T call(Supplier<T> work) {
    return work.get();
  }

  /**
   * Runs the work in a transaction of its own (the caller's, if any, waits): its failure rolls back
   * only what it did, and the caller's transaction stays usable.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public <T> T apart(Supplier<T> work) {
    return work.get();
  }

  /** Runs the work in the current transaction, or a new one. */
  @Transactional
  public void run(Runnable work) {
    work.run();
  }
}
