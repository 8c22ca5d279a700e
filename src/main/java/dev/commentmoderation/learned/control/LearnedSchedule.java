package dev.commentmoderation.learned.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The learned layer's timers (EJB, container transactions): at start and every 30 seconds, take up
 * the version marked active (another instance may have changed it); every hour, train when the last
 * training is older than {@code comments.learned.retrain.hours} (0: never on schedule). The lock
 * row makes sure one instance trains while the others skip.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class LearnedSchedule {

  private static final Logger LOG = Logger.getLogger(LearnedSchedule.class.getName());

  @Inject Models models;

  @PostConstruct
  void atStart() {
    follow();
  }

  /** Whether the last look failed: a database outage is reported once, not every 30 s. */
  private volatile boolean failing;

  @Schedule(hour = "*", minute = "*", second = "*/30", persistent = false)
  void follow() {
    try {
      models.follow();
      if (failing) LOG.info("reading the active learned model again");
      failing = false;
    } catch (RuntimeException e) {
      if (!failing) {
        LOG.log(
            Level.WARNING,
            "cannot read the active learned model; layer unchanged until it can ({0})",
            e.toString());
      }
      failing = true;
    }
  }

  @Schedule(hour = "*", minute = "41", persistent = false)
  void retrain() {
    try {
      models
          .trainIfDue()
          .ifPresent(
              t ->
                  LOG.info(
                      () ->
                          "learned model v"
                              + t.model().version()
                              + " trained on schedule"
                              + (t.activated()
                                  ? ", in force"
                                  : ", not activated: " + t.notActivated())));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "scheduled training of the learned layer failed", e);
    }
  }
}
