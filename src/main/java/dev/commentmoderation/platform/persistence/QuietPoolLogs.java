package dev.commentmoderation.platform.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Silences the connection pool's per-attempt reports. While the database is gone, Payara's pool
 * logs every failed connection attempt and every broken connection it destroys, with a stack trace
 * each (RAR5114, RAR5031, RAR5035, DTX5014: measured in {@code DatabaseOutageIT}, hundreds of
 * entries and tens of thousands of lines for a 12-second outage). What the operator needs is
 * reported by {@link DatabaseOutages} instead: down once with the cause, a count every 10 s, back
 * once. EclipseLink's copy of each exception is switched off in {@code persistence.xml} ({@code
 * eclipselink.logging.exceptions}): the service handles every exception it throws. The loggers are
 * kept here, so that the levels are not lost when the log manager lets go of an unused logger.
 */
@Startup
@Singleton
public class QuietPoolLogs {

  static final List<String> NOISY =
      List.of(
          "javax.enterprise.resource.resourceadapter.com.sun.enterprise.resource",
          "javax.enterprise.resource.resourceadapter.com.sun.enterprise.resource.allocator",
          "javax.enterprise.resource.resourceadapter.com.sun.enterprise.resource.pool",
          "javax.enterprise.resource.resourceadapter.com.sun.enterprise.connectors",
          "javax.enterprise.resource.resourceadapter.com.sun.gjc.spi",
          "javax.enterprise.resource.resourceadapter.com.sun.gjc.spi.jdbc40",
          "javax.enterprise.resource.jta.com.sun.enterprise.transaction");

  private static final List<Logger> KEPT = NOISY.stream().map(Logger::getLogger).toList();

  @PostConstruct
  void quieten() {
    KEPT.forEach(logger -> logger.setLevel(Level.OFF));
    Logger.getLogger(QuietPoolLogs.class.getName())
        .fine(() -> "connection pool loggers off: " + NOISY);
  }
}
