package dev.commentmoderation.data.control;

import dev.commentmoderation.audit.control.AuditLog;
import dev.commentmoderation.audit.entity.AuditAction;
import dev.commentmoderation.audit.entity.AuditSubject;
import dev.commentmoderation.comment.control.ThreadInvalidation;
import dev.commentmoderation.comment.entity.ThreadChanged;
import dev.commentmoderation.comment.entity.VerdictJson;
import dev.commentmoderation.data.entity.ReaderData;
import dev.commentmoderation.data.entity.ReaderData.AuditRecord;
import dev.commentmoderation.data.entity.ReaderData.CommentRecord;
import dev.commentmoderation.data.entity.ReaderData.Erased;
import dev.commentmoderation.data.entity.ReaderData.ReportRecord;
import dev.commentmoderation.data.entity.ReaderData.SanctionRecord;
import dev.commentmoderation.engine.Match;
import dev.commentmoderation.engine.Verdict;
import dev.commentmoderation.platform.Clocks;
import dev.commentmoderation.platform.persistence.DatabaseMigration;
import dev.commentmoderation.platform.persistence.RoutingDataSource;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A reader's data on their request: what is stored about them, and its erasure. A reader is found
 * by e-mail (any case) or, once readers signed in by the site are stored with an id, by that id
 * (column {@code reader_id} of comments, used when it exists). Their client hashes, taken from
 * their comments, find the reports sent from their clients and the sanctions on those clients.
 *
 * <p>Erasure, in one transaction: comments keep their place in threads (replies stay readable) but
 * body and name become the erasure text, e-mail and client hash go, and the verdict loses its
 * excerpts; reports from their clients lose the client hash and note; sanctions naming them lose
 * name, e-mail and client hash and are lifted (a sanction on nobody cannot stay in force); audit
 * entries mentioning their e-mail have it replaced. Finally every other text column of every table
 * (tables added by later features included) is swept for the e-mail. The erasure itself is audited
 * with who did it and the counts, never the e-mail. Thread caches of every instance are dropped.
 */
@ApplicationScoped
public class Readers {

  static final int CHUNK = 500;

  /** Tables never swept: accounts and their secrets are moderators', not readers'. */
  static final Set<String> NOT_SWEPT =
      Set.of(
          "flyway_schema_history",
          "account",
          "moderator_session",
          "second_factor",
          "recovery_code");

  @Resource(lookup = DatabaseMigration.DATA_SOURCE)
  DataSource dataSource;

  @Inject AuditLog audit;
  @Inject ThreadInvalidation invalidation;
  @Inject Event<ThreadChanged> threadChanged;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "comments.db.url")
  String databaseUrl;

  @Inject
  @ConfigProperty(name = "comments.erasure.text", defaultValue = "[удалено]")
  String erasedText;

  /** Who the request names: a lower-cased e-mail and/or a reader id. */
  public record Reader(String email, String readerId) {
    public Reader {
      email = email == null ? null : email.strip().toLowerCase(Locale.ROOT);
      readerId = readerId == null ? null : readerId.strip();
    }
  }

  private record Found(
      ReaderData data, Set<String> emails, Set<String> clients, Set<String> articles) {}

  @Transactional
  public ReaderData data(Reader reader, String actor) {
    try (Connection c = dataSource.getConnection()) {
      Found found = find(c, reader);
      ReaderData d = found.data();
      audit.record(
          AuditSubject.reader(),
          actor,
          AuditAction.READER_DATA_READ,
          "comments "
              + d.comments().size()
              + ", reports "
              + d.reports().size()
              + ", sanctions "
              + d.sanctions().size()
              + ", audit entries "
              + d.auditEntries().size());
      return d;
    } catch (SQLException e) {
      throw new IllegalStateException("could not read a reader's data", e);
    }
  }

  @Transactional
  public Erased erase(Reader reader, String actor) {
    try (Connection c = dataSource.getConnection()) {
      Found found = find(c, reader);
      ReaderData d = found.data();
      OffsetDateTime now = Clocks.now(clock);
      String hash = BodyHash.of(erasedText);
      try (PreparedStatement u =
          Sql.prepare(
              c,
              "UPDATE comments SET author_name = ?, body = ?, body_hash = ?, author_email = NULL,"
                  + " client_hash = NULL, verdict = ? WHERE id = ?")) {
        for (CommentRecord comment : d.comments()) {
          long id = Long.parseLong(comment.id());
          u.setString(1, SourceTexts.cut(erasedText, SourceTexts.MAX_NAME));
          u.setString(2, erasedText);
          u.setString(3, hash);
          u.setString(4, withoutExcerpts(verdict(c, id)));
          u.setLong(5, id);
          u.addBatch();
        }
        if (!d.comments().isEmpty()) u.executeBatch();
      }
      try (PreparedStatement u =
          Sql.prepare(c, "UPDATE comment_report SET client_hash = ?, note = NULL WHERE id = ?")) {
        for (ReportRecord r : d.reports()) {
          u.setString(1, "erased:" + r.id());
          u.setLong(2, Long.parseLong(r.id()));
          u.addBatch();
        }
        if (!d.reports().isEmpty()) u.executeBatch();
      }
      try (PreparedStatement u =
          Sql.prepare(
              c,
              "UPDATE sanction SET author_name = NULL, author_email = NULL, client_hash = NULL,"
                  + " reason = ?, lifted_at = COALESCE(lifted_at, ?), lifted_by ="
                  + " COALESCE(lifted_by, ?) WHERE id = ?")) {
        for (SanctionRecord s : d.sanctions()) {
          u.setString(1, scrub(s.reason(), found.emails()));
          u.setObject(2, now);
          u.setString(3, SourceTexts.cut(actor, 80));
          u.setLong(4, Long.parseLong(s.id()));
          u.addBatch();
        }
        if (!d.sanctions().isEmpty()) u.executeBatch();
      }
      try (PreparedStatement u =
          Sql.prepare(c, "UPDATE audit_entry SET reason = ?, subject = ? WHERE id = ?")) {
        for (AuditRecord a : d.auditEntries()) {
          u.setString(1, scrub(a.reason(), found.emails()));
          u.setString(2, scrub(a.subject(), found.emails()));
          u.setLong(3, Long.parseLong(a.id()));
          u.addBatch();
        }
        if (!d.auditEntries().isEmpty()) u.executeBatch();
      }
      long elsewhere = 0;
      for (String email : found.emails()) elsewhere += sweep(c, email);
      invalidation.notifyOthers(found.articles());
      found.articles().forEach(a -> threadChanged.fire(new ThreadChanged(a)));
      Erased erased =
          new Erased(
              d.comments().size(),
              d.reports().size(),
              d.sanctions().size(),
              d.auditEntries().size(),
              elsewhere);
      audit.record(
          AuditSubject.reader(),
          actor,
          AuditAction.READER_ERASED,
          "comments "
              + erased.comments()
              + ", reports "
              + erased.reports()
              + ", sanctions "
              + erased.sanctions()
              + ", audit entries "
              + erased.auditEntries()
              + ", other rows "
              + elsewhere);
      return erased;
    } catch (SQLException e) {
      throw new IllegalStateException("could not erase a reader's data", e);
    }
  }

  private Found find(Connection c, Reader reader) throws SQLException {
    boolean byId = reader.readerId() != null && hasReaderColumn(c);
    List<CommentRecord> comments = new ArrayList<>();
    Set<String> emails = new LinkedHashSet<>();
    Set<String> clients = new LinkedHashSet<>();
    Set<String> articles = new LinkedHashSet<>();
    if (reader.email() != null) emails.add(reader.email());
    if (reader.email() != null || byId) {
      String where =
          (reader.email() != null ? "LOWER(author_email) = ?" : "1 = 0")
              + (byId ? " OR reader_id = ?" : "");
      try (PreparedStatement q =
          Sql.prepare(
              c,
              "SELECT id, article_id, parent_id, author_name, author_email, body, status,"
                  + " created_at, decided_at, client_hash, source_id FROM comments WHERE "
                  + where
                  + " ORDER BY created_at, id")) {
        int i = 1;
        if (reader.email() != null) q.setString(i++, reader.email());
        if (byId) q.setString(i, reader.readerId());
        try (ResultSet r = q.executeQuery()) {
          while (r.next()) {
            long parent = r.getLong(3);
            String parentId = r.wasNull() ? null : String.valueOf(parent);
            String email = r.getString(5);
            String client = r.getString(10);
            if (email != null) emails.add(email.toLowerCase(Locale.ROOT));
            if (client != null) clients.add(client);
            if ("APPROVED".equals(r.getString(7))) articles.add(r.getString(2));
            comments.add(
                new CommentRecord(
                    String.valueOf(r.getLong(1)),
                    r.getString(2),
                    parentId,
                    r.getString(4),
                    email,
                    r.getString(6),
                    r.getString(7),
                    r.getObject(8, OffsetDateTime.class),
                    r.getObject(9, OffsetDateTime.class),
                    client != null,
                    r.getString(11)));
          }
        }
      }
    }
    List<ReportRecord> reports = new ArrayList<>();
    for (List<String> chunk : chunks(new ArrayList<>(clients))) {
      try (PreparedStatement q =
          Sql.prepare(
              c,
              "SELECT id, comment_id, reason, note, created_at FROM comment_report WHERE"
                  + " client_hash IN ("
                  + marks(chunk.size())
                  + ") ORDER BY created_at, id")) {
        for (int i = 0; i < chunk.size(); i++) q.setString(i + 1, chunk.get(i));
        try (ResultSet r = q.executeQuery()) {
          while (r.next())
            reports.add(
                new ReportRecord(
                    String.valueOf(r.getLong(1)),
                    String.valueOf(r.getLong(2)),
                    r.getString(3),
                    r.getString(4),
                    r.getObject(5, OffsetDateTime.class)));
        }
      }
    }
    List<SanctionRecord> sanctions = new ArrayList<>();
    Set<Long> sanctionIds = new LinkedHashSet<>();
    List<String> emailList = new ArrayList<>(emails);
    List<String> clientList = new ArrayList<>(clients);
    if (!emailList.isEmpty() || !clientList.isEmpty()) {
      String sql =
          "SELECT id, kind, author_name, author_email, client_hash, until, reason, created_at,"
              + " lifted_at FROM sanction WHERE "
              + (emailList.isEmpty()
                  ? "1 = 0"
                  : "LOWER(author_email) IN (" + marks(emailList.size()) + ")")
              + (clientList.isEmpty()
                  ? ""
                  : " OR client_hash IN (" + marks(Math.min(clientList.size(), 1000)) + ")")
              + " ORDER BY id";
      try (PreparedStatement q = Sql.prepare(c, sql)) {
        int i = 1;
        for (String e : emailList) q.setString(i++, e);
        for (String h : clientList.subList(0, Math.min(clientList.size(), 1000)))
          q.setString(i++, h);
        try (ResultSet r = q.executeQuery()) {
          while (r.next()) {
            sanctionIds.add(r.getLong(1));
            sanctions.add(
                new SanctionRecord(
                    String.valueOf(r.getLong(1)),
                    r.getString(2),
                    r.getString(3),
                    r.getString(4),
                    r.getString(5) != null,
                    r.getObject(6, OffsetDateTime.class),
                    r.getString(7),
                    r.getObject(8, OffsetDateTime.class),
                    r.getObject(9, OffsetDateTime.class)));
          }
        }
      }
    }
    List<AuditRecord> entries = new ArrayList<>();
    Set<Long> seen = new LinkedHashSet<>();
    List<String> commentIds = comments.stream().map(CommentRecord::id).toList();
    for (List<String> chunk : chunks(commentIds)) {
      auditEntries(c, "comment_id IN (" + marks(chunk.size()) + ")", chunk, true, entries, seen);
    }
    List<String> subjects = sanctionIds.stream().map(id -> "sanction:" + id).toList();
    for (List<String> chunk : chunks(subjects)) {
      auditEntries(c, "subject IN (" + marks(chunk.size()) + ")", chunk, false, entries, seen);
    }
    for (String e : emails) {
      String like = "%" + likeEscaped(e) + "%";
      auditEntries(
          c,
          "LOWER(reason) LIKE ? ESCAPE '!' OR LOWER(subject) LIKE ? ESCAPE '!'",
          List.of(like, like),
          false,
          entries,
          seen);
    }
    return new Found(
        new ReaderData(comments, reports, sanctions, entries), emails, clients, articles);
  }

  private static void auditEntries(
      Connection c,
      String where,
      List<String> values,
      boolean numbers,
      List<AuditRecord> into,
      Set<Long> seen)
      throws SQLException {
    try (PreparedStatement q =
        Sql.prepare(
            c,
            "SELECT id, comment_id, subject, actor, action, from_status, to_status, reason, at"
                + " FROM audit_entry WHERE "
                + where
                + " ORDER BY at, id")) {
      for (int i = 0; i < values.size(); i++) {
        if (numbers) q.setLong(i + 1, Long.parseLong(values.get(i)));
        else q.setString(i + 1, values.get(i));
      }
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          if (!seen.add(r.getLong(1))) continue;
          long comment = r.getLong(2);
          String commentId = r.wasNull() ? null : String.valueOf(comment);
          into.add(
              new AuditRecord(
                  String.valueOf(r.getLong(1)),
                  commentId,
                  r.getString(3),
                  r.getString(4),
                  r.getString(5),
                  r.getString(6),
                  r.getString(7),
                  r.getString(8),
                  r.getObject(9, OffsetDateTime.class)));
        }
      }
    }
  }

  private static String verdict(Connection c, long id) throws SQLException {
    try (PreparedStatement q = Sql.prepare(c, "SELECT verdict FROM comments WHERE id = ?")) {
      q.setLong(1, id);
      try (ResultSet r = q.executeQuery()) {
        return r.next() ? r.getString(1) : null;
      }
    }
  }

  /** The verdict without the erased text: rules and actions stay, excerpts and spans go. */
  static String withoutExcerpts(String json) {
    Verdict v = VerdictJson.read(json);
    List<Match> matches =
        v.matches().stream()
            .map(m -> new Match(m.rule(), m.category(), m.action(), 0, 0, "", m.reason(), null))
            .toList();
    return VerdictJson.write(new Verdict(v.decision(), matches, v.reason(), v.ruleSetVersion()));
  }

  private String scrub(String text, Set<String> emails) {
    if (text == null) return null;
    String t = text;
    for (String e : emails) {
      t =
          java.util.regex.Pattern.compile(
                  java.util.regex.Pattern.quote(e), java.util.regex.Pattern.CASE_INSENSITIVE)
              .matcher(t)
              .replaceAll(java.util.regex.Matcher.quoteReplacement(erasedText));
    }
    return t;
  }

  /**
   * Every text column of every table but the moderators' own, for rows still holding the e-mail in
   * any case: replaced by the erasure text. Reads the catalogue, so tables added later are covered.
   */
  private long sweep(Connection c, String email) throws SQLException {
    List<String[]> columns = new ArrayList<>();
    try (PreparedStatement q =
        Sql.prepare(
            c,
            "SELECT c.table_name, c.column_name FROM information_schema.columns c JOIN"
                + " information_schema.tables t ON t.table_schema = c.table_schema AND"
                + " t.table_name = c.table_name WHERE c.table_schema = CURRENT_SCHEMA AND"
                + " t.table_type = 'BASE TABLE' AND LOWER(c.data_type) IN ('character varying',"
                + " 'varchar', 'text', 'character', 'char', 'character large object', 'clob')")) {
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) columns.add(new String[] {r.getString(1), r.getString(2)});
      }
    }
    boolean postgres = RoutingDataSource.isPostgres(databaseUrl);
    String pattern = regexQuoted(email);
    String like = "%" + likeEscaped(email) + "%";
    long rows = 0;
    for (String[] column : columns) {
      String table = column[0];
      String name = column[1];
      if (NOT_SWEPT.contains(table.toLowerCase(Locale.ROOT))
          || !table.matches("[A-Za-z0-9_]+")
          || !name.matches("[A-Za-z0-9_]+")) continue;
      try (PreparedStatement u =
          Sql.prepare(
              c,
              "UPDATE "
                  + table
                  + " SET "
                  + name
                  + " = REGEXP_REPLACE("
                  + name
                  + ", ?, ?, '"
                  + (postgres ? "gi" : "i")
                  + "') WHERE LOWER("
                  + name
                  + ") LIKE ? ESCAPE '!'")) {
        u.setString(1, pattern);
        u.setString(2, erasedText);
        u.setString(3, like);
        rows += u.executeUpdate();
      }
    }
    return rows;
  }

  /** A regular expression matching the text literally, in PostgreSQL's and Java's dialects. */
  static String regexQuoted(String text) {
    StringBuilder b = new StringBuilder();
    for (char ch : text.toCharArray()) {
      if (Character.isLetterOrDigit(ch)) b.append(ch);
      else if (ch == ']' || ch == '\\' || ch == '^') b.append('\\').append(ch);
      else b.append('[').append(ch).append(']');
    }
    return b.toString();
  }

  static String likeEscaped(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  private static boolean hasReaderColumn(Connection c) throws SQLException {
    try (ResultSet r = c.getMetaData().getColumns(null, null, "comments", "reader_id")) {
      return r.next();
    }
  }

  private static String marks(int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) b.append(i == 0 ? "?" : ",?");
    return b.toString();
  }

  private static <T> List<List<T>> chunks(List<T> all) {
    List<List<T>> chunks = new ArrayList<>();
    for (int i = 0; i < all.size(); i += CHUNK)
      chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
    return chunks;
  }
}
