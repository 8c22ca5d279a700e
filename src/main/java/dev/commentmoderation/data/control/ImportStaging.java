package dev.commentmoderation.data.control;

import dev.commentmoderation.audit.control.AuditLog;
import dev.commentmoderation.audit.entity.AuditAction;
import dev.commentmoderation.audit.entity.AuditSubject;
import dev.commentmoderation.comment.control.RulesInForce;
import dev.commentmoderation.comment.control.ThreadInvalidation;
import dev.commentmoderation.comment.entity.ThreadChanged;
import dev.commentmoderation.comment.entity.VerdictJson;
import dev.commentmoderation.data.entity.ImportJob;
import dev.commentmoderation.data.entity.SourceComment;
import dev.commentmoderation.data.entity.SourceState;
import dev.commentmoderation.engine.Action;
import dev.commentmoderation.engine.AuthorStanding;
import dev.commentmoderation.engine.Decision;
import dev.commentmoderation.engine.Match;
import dev.commentmoderation.engine.RuleEngine;
import dev.commentmoderation.engine.Submission;
import dev.commentmoderation.engine.Verdict;
import dev.commentmoderation.platform.Clocks;
import dev.commentmoderation.platform.persistence.DatabaseMigration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The database side of an import, each method one transaction: staging a batch of source comments
 * (with their final ids, judged when the import is moderated), linking parents and roots, and
 * publishing the whole job at once. Plain JDBC batches and set-based SQL: an entity per row would
 * cost several times as much for no gain, since nothing reads these rows as entities before they
 * are published.
 */
@ApplicationScoped
public class ImportStaging {

  /** EclipseLink's allocation size for comment ids: a nextval covers (value - 49 .. value). */
  static final int ID_BLOCK = 50;

  @Resource(lookup = DatabaseMigration.DATA_SOURCE)
  DataSource dataSource;

  @Inject RulesInForce rules;
  @Inject ThreadInvalidation invalidation;
  @Inject Event<ThreadChanged> threadChanged;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /** Progress of one job, kept by the thread running it. */
  public static final class Progress {
    long read;
    long staged;
    long skipped;
    long failed;
    long passedOver;
    private long nextId;

    /** Every record read: imported + skipped + failed once the job is done. */
    long readInAll() {
      return read + passedOver + failed;
    }

    long skippedInAll() {
      return skipped + passedOver;
    }

    private long lastId = -1;

    /**
     * Where the comments staged lately went: their replies, which in exports nearly always come
     * after them, are linked as they are staged, without any query. Bounded (the oldest are
     * forgotten), so a file of any size keeps memory constant; a reply whose parent was forgotten,
     * comes later in the file or was imported before is linked by SQL at the end.
     */
    final Map<String, Placed> placed =
        new LinkedHashMap<>(1 << 12, 0.75f, false) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Placed> eldest) {
            return size() > PLACED_MAX;
          }
        };
  }

  /** Comments remembered per job for linking replies as they come (about 150 bytes each). */
  static final int PLACED_MAX = 200_000;

  record Placed(long id, Long rootId, String articleId, int depth) {}

  /** The thread's top-level comment of a reply to {@code parent}. */
  static Long rootOf(Placed parent) {
    return parent.rootId() != null ? parent.rootId() : Long.valueOf(parent.id());
  }

  @Transactional
  public long create(String format, boolean moderate, String actor) {
    try (Connection c = dataSource.getConnection()) {
      long id = nextval(c, "import_job_seq");
      OffsetDateTime now = Clocks.now(clock);
      try (PreparedStatement insert =
          Sql.prepare(
              c,
              "INSERT INTO import_job (id, format, moderate, state, read_count, imported, skipped,"
                  + " failed, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, 0, 0, 0, 0,"
                  + " ?, ?, ?)")) {
        insert.setLong(1, id);
        insert.setString(2, format);
        insert.setBoolean(3, moderate);
        insert.setString(4, ImportJob.RUNNING);
        insert.setString(5, actor);
        insert.setObject(6, now);
        insert.setObject(7, now);
        insert.executeUpdate();
      }
      return id;
    } catch (SQLException e) {
      throw new IllegalStateException("could not create an import job", e);
    }
  }

  /**
   * Stages a batch with final ids and stored form. A source id seen before in this batch is skipped
   * here; one already imported before is skipped when the job is linked (one set-based statement);
   * one staged by an earlier batch of the same file makes the insert fail, and {@code careful} then
   * stages the batch again looking each row up first (files rarely repeat a record, so the common
   * path makes no lookup at all).
   */
  @Transactional
  public void stage(
      long job,
      String format,
      boolean moderate,
      List<SourceComment> batch,
      Progress p,
      boolean careful) {
    try (Connection c = dataSource.getConnection()) {
      if (c.getAutoCommit())
        throw new IllegalStateException("staging needs the transaction's connection");
      Set<String> known = imported(c, batch);
      RuleEngine engine = moderate ? rules.engine() : null;
      try (PreparedStatement insert =
              Sql.prepare(
                  c,
                  "INSERT INTO import_item (job_id, source_id, comment_id, parent_source,"
                      + " parent_id, root_id, depth, article_id, author_name, author_email, body,"
                      + " body_hash, status, created_at, engine_decision, verdict,"
                      + " rule_set_version, top_category, top_rule, severity) VALUES (?, ?, ?, ?,"
                      + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
          PreparedStatement staged =
              Sql.prepare(c, "SELECT 1 FROM import_item WHERE job_id = ? AND source_id = ?")) {
        int rows = 0;
        long skipped = 0;
        for (SourceComment s : batch) {
          if (!known.add(s.sourceId())
              || p.placed.containsKey(s.sourceId())
              || (careful && isStaged(staged, job, s.sourceId()))) {
            skipped++;
            continue;
          }
          Stored stored = stored(s, format, engine);
          long id = nextCommentId(c, p);
          Placed parent = s.parentSourceId() == null ? null : p.placed.get(s.parentSourceId());
          if (parent != null && !parent.articleId().equals(s.articleId())) parent = null;
          Placed self =
              parent == null
                  ? new Placed(id, null, s.articleId(), 0)
                  : new Placed(id, rootOf(parent), s.articleId(), parent.depth() + 1);
          if (s.parentSourceId() == null || parent != null) p.placed.put(s.sourceId(), self);
          insert.setLong(1, job);
          insert.setString(2, s.sourceId());
          insert.setLong(3, id);
          insert.setString(4, s.parentSourceId());
          insert.setObject(5, parent == null ? null : parent.id(), java.sql.Types.BIGINT);
          insert.setObject(6, self.rootId(), java.sql.Types.BIGINT);
          insert.setInt(7, self.depth());
          insert.setString(8, s.articleId());
          insert.setString(9, s.authorName());
          insert.setString(10, s.authorEmail());
          insert.setString(11, s.body());
          insert.setString(12, BodyHash.of(s.body()));
          insert.setString(13, stored.status());
          insert.setObject(14, s.createdAt());
          insert.setString(15, stored.engineDecision());
          insert.setString(16, stored.verdictJson());
          insert.setString(17, stored.ruleSetVersion());
          insert.setString(18, stored.topCategory());
          insert.setString(19, stored.topRule());
          insert.setInt(20, stored.severity());
          insert.addBatch();
          rows++;
        }
        if (rows > 0) insert.executeBatch();
        p.staged += rows;
        p.skipped += skipped;
      }
      heartbeat(c, job, p);
    } catch (SQLException e) {
      if (!careful && isDuplicate(e)) throw new RepeatedRecord(e);
      throw new IllegalStateException("could not stage a batch of job " + job, e);
    }
  }

  /** The batch's source ids already imported before: skipped (one indexed query per batch). */
  private static Set<String> imported(Connection c, List<SourceComment> batch) throws SQLException {
    Set<String> found = new HashSet<>();
    StringBuilder in = new StringBuilder();
    for (int i = 0; i < batch.size(); i++) in.append(i == 0 ? "?" : ",?");
    try (PreparedStatement q =
        Sql.prepare(c, "SELECT source_id FROM comments WHERE source_id IN (" + in + ")")) {
      for (int i = 0; i < batch.size(); i++) q.setString(i + 1, batch.get(i).sourceId());
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) found.add(r.getString(1));
      }
    }
    return found;
  }

  /** A batch repeated a record an earlier batch of the same file staged. */
  public static final class RepeatedRecord extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RepeatedRecord(Throwable cause) {
      super(cause);
    }
  }

  private static boolean isDuplicate(SQLException e) {
    for (Throwable x = e; x != null; x = x.getCause() == x ? null : x.getCause()) {
      if (x instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("23")) return true;
      if (x instanceof SQLException sql && sql.getNextException() != null) {
        SQLException next = sql.getNextException();
        if (next.getSQLState() != null && next.getSQLState().startsWith("23")) return true;
      }
    }
    return false;
  }

  private static boolean isStaged(PreparedStatement staged, long job, String sourceId)
      throws SQLException {
    staged.setLong(1, job);
    staged.setString(2, sourceId);
    try (ResultSet r = staged.executeQuery()) {
      return r.next();
    }
  }

  private long nextCommentId(Connection c, Progress p) throws SQLException {
    if (p.lastId < 0 || p.nextId > p.lastId) {
      p.lastId = nextval(c, "comment_seq");
      p.nextId = p.lastId - ID_BLOCK + 1;
    }
    return p.nextId++;
  }

  private static long nextval(Connection c, String sequence) throws SQLException {
    try (PreparedStatement q = Sql.prepare(c, "SELECT nextval('" + sequence + "')");
        ResultSet r = q.executeQuery()) {
      r.next();
      return r.getLong(1);
    }
  }

  private void heartbeat(Connection c, long job, Progress p) throws SQLException {
    try (PreparedStatement u =
        Sql.prepare(
            c,
            "UPDATE import_job SET read_count = ?, skipped = ?, failed = ?, updated_at = ?"
                + " WHERE id = ?")) {
      u.setLong(1, p.readInAll());
      u.setLong(2, p.skippedInAll());
      u.setLong(3, p.failed);
      u.setObject(4, Clocks.now(clock));
      u.setLong(5, job);
      u.executeUpdate();
    }
  }

  record Stored(
      String status,
      String engineDecision,
      String verdictJson,
      String ruleSetVersion,
      String topCategory,
      String topRule,
      int severity) {}

  /**
   * The status and verdict a source comment is stored with. What the source did not publish is
   * never published; with {@code ?moderate=true} the rules judge what it did publish (as from an
   * established author), and what they would hold or refuse is held or refused.
   */
  static Stored stored(SourceComment s, String format, RuleEngine engine) {
    if (s.stored() != null) {
      var x = s.stored();
      return new Stored(
          x.status(),
          x.engineDecision(),
          x.verdictJson(),
          x.ruleSetVersion(),
          x.topCategory(),
          x.topRule(),
          x.severity());
    }
    String ruleSet = "import:" + format;
    if (engine != null && s.state() == SourceState.PUBLISHED) {
      Verdict v =
          engine.evaluate(
              new Submission(
                  s.body(),
                  s.authorName(),
                  s.authorEmail(),
                  AuthorStanding.ESTABLISHED,
                  false,
                  false));
      Match strongest =
          v.matches().stream()
              .filter(m -> m.action().decision() == v.decision())
              .max(Comparator.comparing(Match::action))
              .orElse(null);
      int problems = (int) v.matches().stream().filter(m -> m.action() != Action.FLAG).count();
      return new Stored(
          switch (v.decision()) {
            case APPROVE -> "APPROVED";
            case HOLD -> "PENDING";
            case REJECT -> "REJECTED";
          },
          v.decision().name(),
          VerdictJson.write(v),
          v.ruleSetVersion(),
          strongest == null ? null : strongest.category(),
          strongest == null ? null : strongest.rule(),
          v.decision().ordinal() * 100 + Math.min(99, problems));
    }
    Decision decision =
        switch (s.state()) {
          case PUBLISHED -> Decision.APPROVE;
          case PENDING -> Decision.HOLD;
          case SPAM, DELETED -> Decision.REJECT;
        };
    return new Stored(
        s.state().status(),
        decision.name(),
        VerdictJson.write(new Verdict(decision, List.of(), null, ruleSet)),
        ruleSet,
        null,
        switch (s.state()) {
          case SPAM -> "import:spam";
          case DELETED -> "import:deleted";
          default -> null;
        },
        decision.ordinal() * 100);
  }

  /**
   * Gives every staged reply its parent's and its thread's comment ids: the parent staged in this
   * job or imported before, on the same article; the root one level of replies per statement. A
   * reply whose parent is nowhere (or on another article, or in a cycle) becomes a top-level
   * comment rather than being lost.
   */
  @Transactional
  public void link(long job, Progress p) {
    try (Connection c = dataSource.getConnection()) {
      // only replies not linked while staging: parent later in the file, forgotten, or imported
      // before (then it is in comments)
      update(
          c,
          "UPDATE import_item SET parent_id = COALESCE((SELECT p.comment_id FROM import_item p"
              + " WHERE p.job_id = import_item.job_id AND p.source_id = import_item.parent_source"
              + " AND p.article_id = import_item.article_id), (SELECT x.id FROM comments x WHERE"
              + " x.source_id = import_item.parent_source AND x.article_id ="
              + " import_item.article_id)) WHERE job_id = ? AND parent_source IS NOT NULL AND"
              + " parent_id IS NULL",
          job);
      update(
          c,
          "UPDATE import_item SET root_id = (SELECT COALESCE(x.root_id, x.id) FROM comments x"
              + " WHERE x.id = import_item.parent_id), depth = 1 WHERE job_id = ? AND parent_id IS"
              + " NOT NULL AND root_id IS NULL AND EXISTS (SELECT 1 FROM comments x WHERE x.id ="
              + " import_item.parent_id)",
          job);
      String level =
          "UPDATE import_item SET root_id = (SELECT COALESCE(p.root_id, p.comment_id) FROM"
              + " import_item p WHERE p.job_id = import_item.job_id AND p.comment_id ="
              + " import_item.parent_id), depth = (SELECT p.depth + 1 FROM import_item p WHERE"
              + " p.job_id = import_item.job_id AND p.comment_id = import_item.parent_id) WHERE"
              + " job_id = ? AND root_id IS NULL AND parent_id IS NOT NULL AND EXISTS (SELECT 1"
              + " FROM import_item p WHERE p.job_id = import_item.job_id AND p.comment_id ="
              + " import_item.parent_id AND (p.parent_id IS NULL OR p.root_id IS NOT NULL))";
      while (update(c, level, job) > 0) {
        // one level of replies per round; a thread of depth d takes d rounds
      }
      update(
          c,
          "UPDATE import_item SET parent_id = NULL, depth = 0 WHERE job_id = ? AND root_id IS NULL"
              + " AND parent_id IS NOT NULL",
          job);
    } catch (SQLException e) {
      throw new IllegalStateException("could not link the replies of job " + job, e);
    }
  }

  /**
   * Publishes the job in one transaction: every staged comment becomes a comment at once, the
   * affected threads are dropped from every instance's cache on commit, the job is DONE and
   * audited. Parents go in before their replies (the order matters to H2's foreign key check).
   */
  @Transactional
  public long publish(long job, String format, String actor, Progress p) {
    try (Connection c = dataSource.getConnection()) {
      // the job's row first: it is locked until commit, and a job another instance failed for want
      // of a heartbeat (or that was failed in any other way) publishes nothing
      OffsetDateTime now = Clocks.now(clock);
      try (PreparedStatement u =
          Sql.prepare(
              c,
              "UPDATE import_job SET state = ?, read_count = ?, skipped = ?, failed = ?,"
                  + " updated_at = ? WHERE id = ? AND state = ?")) {
        u.setString(1, ImportJob.DONE);
        u.setLong(2, p.readInAll());
        u.setLong(3, p.skippedInAll());
        u.setLong(4, p.failed);
        u.setObject(5, now);
        u.setLong(6, job);
        u.setString(7, ImportJob.RUNNING);
        if (c.getAutoCommit())
          throw new IllegalStateException("publishing needs the transaction's connection");
        if (u.executeUpdate() != 1)
          throw new IllegalStateException("import " + job + " is no longer running");
      }
      int inserted =
          update(
              c,
              "INSERT INTO comments (id, article_id, parent_id, root_id, author_name, author_email,"
                  + " body, body_hash, status, version, created_at, engine_decision, verdict,"
                  + " rule_set_version, top_category, top_rule, severity, source_id) SELECT"
                  + " comment_id, article_id, parent_id, root_id, author_name, author_email, body,"
                  + " body_hash, status, 1, created_at, engine_decision, verdict, rule_set_version,"
                  + " top_category, top_rule, severity, source_id FROM import_item WHERE job_id = ?"
                  + " ORDER BY depth, comment_id",
              job);
      try (PreparedStatement u =
          Sql.prepare(c, "UPDATE import_job SET imported = ? WHERE id = ?")) {
        u.setLong(1, inserted);
        u.setLong(2, job);
        u.executeUpdate();
      }
      List<String> articles = new ArrayList<>();
      try (PreparedStatement q =
          Sql.prepare(
              c,
              "SELECT DISTINCT article_id FROM import_item WHERE job_id = ? AND status ="
                  + " 'APPROVED'")) {
        q.setLong(1, job);
        try (ResultSet r = q.executeQuery()) {
          while (r.next()) articles.add(r.getString(1));
        }
      }
      invalidation.notifyOthers(articles);
      articles.forEach(a -> threadChanged.fire(new ThreadChanged(a)));
      audit.record(
          AuditSubject.importJob(job),
          actor,
          AuditAction.IMPORTED,
          format
              + ": read "
              + p.readInAll()
              + ", imported "
              + inserted
              + ", skipped "
              + p.skippedInAll()
              + ", failed "
              + p.failed);
      return inserted;
    } catch (SQLException e) {
      throw new IllegalStateException("could not publish job " + job, e);
    }
  }

  /**
   * The job is finished once its commit has been followed by this instance's cache invalidation
   * (which runs after the commit): until then its poll still says RUNNING, so a client that saw
   * DONE never reads a thread page cached before the import.
   */
  @Transactional
  public void finished(long job) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement u =
            Sql.prepare(c, "UPDATE import_job SET finished_at = ? WHERE id = ?")) {
      u.setObject(1, Clocks.now(clock));
      u.setLong(2, job);
      u.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("could not finish job " + job, e);
    }
  }

  /** The job failed: nothing of it was published; says why. */
  @Transactional
  public void fail(long job, String actor, String error, Progress p) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement u =
            Sql.prepare(
                c,
                "UPDATE import_job SET state = ?, error = ?, read_count = ?, skipped = ?,"
                    + " failed = ?, updated_at = ?, finished_at = ? WHERE id = ? AND state = ?")) {
      OffsetDateTime now = Clocks.now(clock);
      u.setString(1, ImportJob.FAILED);
      u.setString(2, SourceTexts.cut(error, 1000));
      u.setLong(3, p.readInAll());
      u.setLong(4, p.skippedInAll());
      u.setLong(5, p.failed);
      u.setObject(6, now);
      u.setObject(7, now);
      u.setLong(8, job);
      u.setString(9, ImportJob.RUNNING);
      u.executeUpdate();
      audit.record(
          AuditSubject.importJob(job),
          actor,
          AuditAction.IMPORT_FAILED,
          SourceTexts.cut(error, 900));
    } catch (SQLException e) {
      throw new IllegalStateException("could not mark job " + job + " failed", e);
    }
  }

  /** Drops a finished or failed job's staged rows. */
  @Transactional
  public void discard(long job) {
    try (Connection c = dataSource.getConnection()) {
      update(c, "DELETE FROM import_item WHERE job_id = ?", job);
    } catch (SQLException e) {
      throw new IllegalStateException("could not discard the staged rows of job " + job, e);
    }
  }

  /**
   * Fails the RUNNING jobs whose heartbeat is older than {@code staleBefore} (all of them when it
   * is null: an H2 database has one instance, so on its start no job can be running) and drops
   * their staged rows; safe when several instances do it at once.
   *
   * @return the ids failed
   */
  @Transactional
  public List<Long> failAbandoned(OffsetDateTime staleBefore) {
    List<Long> abandoned = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement q =
          Sql.prepare(
              c,
              "SELECT id FROM import_job WHERE state = ?"
                  + (staleBefore == null ? "" : " AND updated_at < ?"))) {
        q.setString(1, ImportJob.RUNNING);
        if (staleBefore != null) q.setObject(2, staleBefore);
        try (ResultSet r = q.executeQuery()) {
          while (r.next()) abandoned.add(r.getLong(1));
        }
      }
      // published, but the instance stopped before it marked the job finished
      try (PreparedStatement u =
          Sql.prepare(
              c,
              "UPDATE import_job SET finished_at = updated_at WHERE state = ? AND finished_at IS"
                  + " NULL"
                  + (staleBefore == null ? "" : " AND updated_at < ?"))) {
        u.setString(1, ImportJob.DONE);
        if (staleBefore != null) u.setObject(2, staleBefore);
        u.executeUpdate();
      }
      List<Long> failed = new ArrayList<>();
      for (long job : abandoned) {
        try (PreparedStatement u =
            Sql.prepare(
                c,
                "UPDATE import_job SET state = ?, error = ?, updated_at = ?, finished_at = ?"
                    + " WHERE id = ? AND state = ?")) {
          OffsetDateTime now = Clocks.now(clock);
          u.setString(1, ImportJob.FAILED);
          u.setString(
              2, "interrupted: the instance running it stopped; nothing of it was published");
          u.setObject(3, now);
          u.setObject(4, now);
          u.setLong(5, job);
          u.setString(6, ImportJob.RUNNING);
          if (u.executeUpdate() == 1) failed.add(job);
        }
        update(c, "DELETE FROM import_item WHERE job_id = ?", job);
      }
      return failed;
    } catch (SQLException e) {
      throw new IllegalStateException("could not fail abandoned import jobs", e);
    }
  }

  public ImportJob find(long id) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement q =
            Sql.prepare(
                c,
                "SELECT id, format, moderate, state, read_count, imported, skipped, failed, error,"
                    + " created_by, created_at, updated_at, finished_at FROM import_job WHERE id ="
                    + " ?")) {
      q.setLong(1, id);
      try (ResultSet r = q.executeQuery()) {
        if (!r.next()) return null;
        OffsetDateTime finished = r.getObject(13, OffsetDateTime.class);
        String state = r.getString(4);
        return new ImportJob(
            r.getLong(1),
            r.getString(2),
            r.getBoolean(3),
            ImportJob.DONE.equals(state) && finished == null ? ImportJob.RUNNING : state,
            r.getLong(5),
            r.getLong(6),
            r.getLong(7),
            r.getLong(8),
            r.getString(9),
            r.getString(10),
            r.getObject(11, OffsetDateTime.class),
            r.getObject(12, OffsetDateTime.class),
            r.getObject(13, OffsetDateTime.class));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not read import job " + id, e);
    }
  }

  private static int update(Connection c, String sql, long job) throws SQLException {
    try (PreparedStatement u = Sql.prepare(c, sql)) {
      u.setLong(1, job);
      return u.executeUpdate();
    }
  }
}
