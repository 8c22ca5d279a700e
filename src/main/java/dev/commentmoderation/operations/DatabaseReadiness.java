package dev.commentmoderation.operations;

import dev.commentmoderation.platform.persistence.DatabaseMigration;
import dev.commentmoderation.platform.persistence.DatabaseOutages;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the database answers a query. The probe runs beside the caller and is given two
 * seconds: a database that stops answering (rather than refusing) would otherwise hold the
 * readiness request for the pool's wait or the driver's socket timeout, and an orchestrator's probe
 * would time out instead of seeing DOWN. At most one probe is under way at a time, so slow probes
 * do not pile up; callers meanwhile share its result.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  static final long TIMEOUT_MILLIS = 2_000;

  @Resource(lookup = DatabaseMigration.DATA_SOURCE)
  DataSource dataSource;

  @Resource ManagedExecutorService executor;
  @Inject DatabaseOutages outages;

  private final AtomicReference<Future<HealthCheckResponse>> running = new AtomicReference<>();

  @Override
  public HealthCheckResponse call() {
    Future<HealthCheckResponse> probe = running.get();
    if (probe == null || probe.isDone()) {
      Future<HealthCheckResponse> fresh = executor.submit(this::probe);
      probe = running.compareAndSet(probe, fresh) ? fresh : running.get();
    }
    try {
      return probe.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return down("no answer within " + TIMEOUT_MILLIS + " ms");
    } catch (ExecutionException | RuntimeException e) {
      return down(e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return down("interrupted");
    }
  }

  HealthCheckResponse probe() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout((int) (TIMEOUT_MILLIS / 1000));
      statement.execute("SELECT 1");
      outages.available();
      return HealthCheckResponse.named("database").up().build();
    } catch (SQLException | RuntimeException e) {
      return down(e.getClass().getSimpleName());
    }
  }

  private static HealthCheckResponse down(String error) {
    return HealthCheckResponse.named("database").down().withData("error", error).build();
  }
}
