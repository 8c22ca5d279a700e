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

  /** Runs the work in the current transaction, or a new one. */
  @Transactional
  public void run(Runnable work) {
    work.run();
  }
}
