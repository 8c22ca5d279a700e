package dev.commentmoderation.data.control;

import dev.commentmoderation.platform.Clocks;
import dev.commentmoderation.platform.persistence.DatabaseMigration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Removes the e-mail and the client hash of every comment older than {@code
 * COMMENTS_RETENTION_DAYS} (default 365). Bodies and names stay: they are what was published. The
 * update is idempotent (it only touches rows that still hold either), so instances running it at
 * the same hour do no harm: the second finds nothing left. Rows go in chunks, each its own
 * transaction, so a first run over years of comments holds no long lock.
 */
@ApplicationScoped
public class Retention {

  private static final Logger LOG = Logger.getLogger(Retention.class.getName());
  static final int CHUNK = 5000;

  @Resource(lookup = DatabaseMigration.DATA_SOURCE)
  DataSource dataSource;

  @Inject Clock clock;
  @Inject Retention self;

  @Inject
  @ConfigProperty(name = "comments.retention.days", defaultValue = "365")
  int days;

  /** Runs until nothing is left; returns the comments cleared. */
  public long run() {
    if (days <= 0) return 0;
    OffsetDateTime before = Clocks.now(clock).minusDays(days);
    long total = 0;
    int n;
    do {
      n = self.chunk(before);
      total += n;
    } while (n == CHUNK);
    long cleared = total;
    if (cleared > 0)
      LOG.info(() -> "retention: e-mail and client hash removed from " + cleared + " comments");
    return cleared;
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int chunk(OffsetDateTime before) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement u =
            Sql.prepare(
                c,
                "UPDATE comments SET author_email = NULL, client_hash = NULL WHERE id IN (SELECT id"
                    + " FROM comments WHERE created_at < ? AND (author_email IS NOT NULL OR"
                    + " client_hash IS NOT NULL) ORDER BY created_at LIMIT "
                    + CHUNK
                    + ")")) {
      u.setObject(1, before);
      return u.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("retention failed", e);
    }
  }
}
