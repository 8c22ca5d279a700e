package dev.commentmoderation.platform.persistence;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/**
 * Declares the read replica's pooled data source ({@code COMMENTS_DB_READ_URL}, {@code
 * COMMENTS_DB_READ_USER}, {@code COMMENTS_DB_READ_PASSWORD}; by default the primary's settings, and
 * then {@link ReadReplica} does not use it). No connection is made before the first read. Its
 * connections never join a JTA transaction: public reads run in one (see {@link EntityManagers}),
 * and a replica that goes away must fail only its read, which then runs on the primary, not the
 * transaction's commit.
 */
@DataSourceDefinition(
    name = ReadDataSource.NAME,
    className = "dev.commentmoderation.platform.persistence.RoutingDataSource",
    url = "${MPCONFIG=comments.db.read.url}",
    user = "${MPCONFIG=comments.db.read.user}",
    password = "${MPCONFIG=comments.db.read.password}",
    minPoolSize = 0,
    initialPoolSize = 0,
    maxPoolSize = 20,
    maxIdleTime = 300,
    transactional = false,
    properties = {
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=custom-validation",
      "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
      "fish.payara.fail-all-connections=true",
      "fish.payara.validate-atmost-once-period-in-seconds=${MPCONFIG=comments.db.pool.validate.seconds}",
      // a replica that does not answer must not hold a reader: the primary serves instead
      "fish.payara.max-wait-time-in-millis=1000"
    })
@Singleton
public class ReadDataSource {

  public static final String NAME = "java:app/jdbc/comments-read";
}
