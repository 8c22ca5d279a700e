package dev.commentmoderation.data.control;

import dev.commentmoderation.platform.Clocks;
import dev.commentmoderation.platform.cluster.ClusterSignals;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The data component's clockwork: at start, import jobs left RUNNING by a stopped instance are
 * failed; every minute, jobs whose instance stopped sending heartbeats are; every hour the
 * retention job removes e-mails and client hashes of old comments. Each is idempotent SQL, so
 * several instances running them at once do no harm. Also defines the executor imports run on: at
 * most two at a time per instance, so an import cannot take every thread of the machine.
 */
@ManagedExecutorDefinition(name = DataSchedule.IMPORTS_EXECUTOR, maxAsync = 2)
@Singleton
@Startup
public class DataSchedule {

  public static final String IMPORTS_EXECUTOR = "java:app/concurrent/imports";
  private static final Logger LOG = Logger.getLogger(DataSchedule.class.getName());

  @Inject ImportStaging staging;
  @Inject Retention retention;
  @Inject ClusterSignals signals;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "comments.import.stale.minutes", defaultValue = "5")
  int staleMinutes;

  @PostConstruct
  void atStart() {
    try {
      // on H2 this instance is the only one: whatever is RUNNING was running in a process now gone
      List<Long> failed =
          staging.failAbandoned(
              signals.shared() ? Clocks.now(clock).minusMinutes(staleMinutes) : null);
      if (!failed.isEmpty()) LOG.warning(() -> "import jobs interrupted by a stop: " + failed);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "could not check for interrupted imports", e);
    }
  }

  @Schedule(hour = "*", minute = "*", persistent = false)
  void abandonedImports() {
    List<Long> failed = staging.failAbandoned(Clocks.now(clock).minusMinutes(staleMinutes));
    if (!failed.isEmpty()) LOG.warning(() -> "import jobs without a heartbeat, failed: " + failed);
  }

  @Schedule(hour = "*", minute = "23", persistent = false)
  void retention() {
    try {
      retention.run();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "the retention job failed; it runs again in an hour", e);
    }
  }
}
