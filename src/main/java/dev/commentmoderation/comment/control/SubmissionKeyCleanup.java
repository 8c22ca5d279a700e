package dev.commentmoderation.comment.control;

import dev.commentmoderation.platform.Clocks;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Deletes submission keys older than a day, every ten minutes, on every instance (idempotent). */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SubmissionKeyCleanup {

  private static final Logger LOG = Logger.getLogger(SubmissionKeyCleanup.class.getName());

  @Inject SubmissionKeys keys;
  @Inject Clock clock;

  @Schedule(minute = "*/10", hour = "*", persistent = false)
  void cleanUp() {
    try {
      keys.forgetOld(Clocks.now(clock));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "could not delete old submission keys: {0}", e.toString());
    }
  }
}
