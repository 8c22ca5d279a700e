package dev.commentmoderation.platform.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

/**
 * Declares the application's data source and brings its schema up to date before anything else
 * runs. Several instances may start at once against one PostgreSQL: Flyway serialises them with its
 * own lock.
 */
@DataSourceDefinition(
    name = DatabaseMigration.DATA_SOURCE,
    className = "dev.commentmoderation.platform.persistence.RoutingDataSource",
    url = "${MPCONFIG=comments.db.url}",
    user = "${MPCONFIG=comments.db.user}",
    password = "${MPCONFIG=comments.db.password}",
    minPoolSize = 2,
    maxPoolSize = 40,
    maxIdleTime = 300,
    properties = {
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=custom-validation",
      "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
      "fish.payara.fail-all-connections=true",
      // a connection used within this many seconds is handed out without the validation round
      // trip (one per checkout before: several per submission); a dead one is caught after it
      "fish.payara.validate-atmost-once-period-in-seconds=${MPCONFIG=comments.db.pool.validate.seconds}",
      // how long a request waits for a connection before it is answered 503: when the database is
      // gone, every request waits this long (measured: about twice), so keep it short
      "fish.payara.max-wait-time-in-millis=${MPCONFIG=comments.db.pool.wait.millis}"
    })
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigration {

  public static final String DATA_SOURCE = "java:app/jdbc/comments";
  private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

  @Resource(lookup = DATA_SOURCE)
  DataSource dataSource;

  @PostConstruct
  void migrate() {
    var result = configure(dataSource, "classpath:db/migration").load().migrate();
    LOG.info(
        () ->
            "database schema at version "
                + result.targetSchemaVersion
                + " ("
                + result.migrationsExecuted
                + " migrations applied)");
  }

  /**
   * Flyway as the service runs it. Its lock on PostgreSQL is a session-level advisory lock, not a
   * transaction-level one: the latter keeps a transaction open on another connection for the whole
   * run, and {@code CREATE INDEX CONCURRENTLY} waits for every open transaction to end — the
   * migration then waits for itself forever (found by {@code IndexMigrationIT}).
   */
  public static FluentConfiguration configure(DataSource dataSource, String... locations) {
    FluentConfiguration flyway =
        Flyway.configure(DatabaseMigration.class.getClassLoader())
            .dataSource(dataSource)
            .locations(locations)
            .placeholders(placeholders(dataSource));
    flyway
        .getConfigurationExtension(PostgreSQLConfigurationExtension.class)
        .setTransactionalLock(false);
    return flyway;
  }

  /**
   * What differs between the two databases in a migration: {@code ${unlogged}} ({@code UNLOGGED} on
   * PostgreSQL) and {@code ${concurrently}} ({@code CONCURRENTLY} on PostgreSQL, for index changes
   * in a migration that runs outside a transaction, see README "Migrations"); both empty on H2,
   * which knows neither.
   */
  public static Map<String, String> placeholders(DataSource dataSource) {
    boolean postgres;
    try (Connection c = dataSource.getConnection()) {
      postgres =
          c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reach the database to migrate it", e);
    }
    return Map.of(
        "unlogged", postgres ? "UNLOGGED" : "", "concurrently", postgres ? "CONCURRENTLY" : "");
  }
}
