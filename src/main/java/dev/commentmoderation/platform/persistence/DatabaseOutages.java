package dev.commentmoderation.platform.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What an operator needs to read about a database outage, and nothing more: one line when requests
 * start failing because the database cannot be reached ("down", with the first cause), one summary
 * every {@link #SUMMARY_EVERY} while it lasts (how many requests were answered {@code 503}), and
 * one line when it is back (how long it was gone, how many {@code 503}s in all). Callers report
 * every request they answer {@code 503} for a database reason ({@link #unavailable}) and every
 * success that proves the database answers ({@link #available}, a volatile read while all is well);
 * they log nothing themselves. The pool's and EclipseLink's own per-request stack traces are
 * silenced at their source ({@link QuietDriverLogs}).
 */
@ApplicationScoped
public class DatabaseOutages {

  static final Duration SUMMARY_EVERY = Duration.ofSeconds(10);
  private static final Logger LOG = Logger.getLogger(DatabaseOutages.class.getName());

  @Inject Clock clock;

  private volatile boolean down;
  private Instant since;
  private Instant lastSummary;
  private long answered;
  private long answeredAtLastSummary;

  /** One request answered 503 because of the database. */
  public void unavailable(Throwable cause) {
    String started = null;
    String summary = null;
    synchronized (this) {
      Instant now = clock.instant();
      answered++;
      if (!down) {
        down = true;
        since = now;
        lastSummary = now;
        answered = 1;
        answeredAtLastSummary = 0;
        started = rootMessage(cause);
      } else if (!now.isBefore(lastSummary.plus(SUMMARY_EVERY))) {
        summary =
            "database still unavailable after "
                + Duration.between(since, now).toSeconds()
                + " s: "
                + answered
                + " requests answered 503 so far ("
                + (answered - answeredAtLastSummary)
                + " in the last "
                + Duration.between(lastSummary, now).toSeconds()
                + " s)";
        lastSummary = now;
        answeredAtLastSummary = answered;
      }
    }
    if (started != null) {
      LOG.log(
          Level.WARNING,
          "database unavailable ({0}): answering 503 until it is back; a summary every {1} s",
          new Object[] {started, SUMMARY_EVERY.toSeconds()});
    }
    if (summary != null) LOG.warning(summary);
  }

  /** The database answered: ends an outage, if there was one. */
  public void available() {
    if (!down) return;
    String back;
    synchronized (this) {
      if (!down) return;
      down = false;
      back =
          "database back after "
              + Duration.between(since, clock.instant()).toMillis() / 1000.0
              + " s; "
              + answered
              + " requests were answered 503 meanwhile";
    }
    LOG.info(back);
  }

  public boolean down() {
    return down;
  }

  static String rootMessage(Throwable e) {
    if (e == null) return "no cause given";
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) t = t.getCause();
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }
}
