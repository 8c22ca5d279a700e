package dev.commentmoderation.security.control;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Deletes expired session rows every ten minutes (expired sessions are refused anyway; this only
 * keeps the table small). Every instance does it; the delete is idempotent.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SessionCleanup {

  private static final Logger LOG = Logger.getLogger(SessionCleanup.class.getName());

  @Inject Sessions sessions;
  @Inject SharedSignInFailures signInFailures;

  @Schedule(minute = "*/10", hour = "*", persistent = false)
  void cleanUp() {
    try {
      sessions.deleteExpired();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "could not delete expired sessions: {0}", e.toString());
    }
    try {
      // sign-in failures quiet for a day (every window and lock is far shorter)
      signInFailures.forgetQuiet(java.time.Duration.ofDays(1));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "could not delete old sign-in failures: {0}", e.toString());
    }
  }
}
