package dev.commentmoderation.platform.web;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Deletes shared rate buckets untouched for six hours every ten minutes: every limit refills within
 * that time, so a deleted row is a full bucket. Every instance does it; the delete is idempotent.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SharedBudgetCleanup {

  static final Duration QUIET = Duration.ofHours(6);
  private static final Logger LOG = Logger.getLogger(SharedBudgetCleanup.class.getName());

  @Inject SharedBudgets budgets;

  @Schedule(minute = "*/10", hour = "*", persistent = false)
  void cleanUp() {
    try {
      budgets.forgetQuiet(QUIET);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "could not delete quiet rate buckets: {0}", e.toString());
    }
  }
}
