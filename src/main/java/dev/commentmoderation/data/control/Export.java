package dev.commentmoderation.data.control;

import dev.commentmoderation.platform.persistence.DatabaseMigration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Writes every comment (all statuses) as JSON Lines, with its verdict and the decisions the audit
 * log holds about it, reading the comments in pages by id (keyset) so memory stays constant and no
 * transaction stays open while a slow client reads. {@code format=jsonl} imports the result into
 * another instance. Client hashes are left out: they mean nothing to another instance's key.
 */
@ApplicationScoped
public class Export {

  static final int PAGE = 500;

  @Resource(lookup = DatabaseMigration.DATA_SOURCE)
  DataSource dataSource;

  private static final String COLUMNS =
      "c.id, c.source_id, c.article_id, c.parent_id, p.source_id, c.root_id, c.author_name,"
          + " c.author_email, c.body, c.status, c.version, c.created_at, c.decided_at, c.language,"
          + " c.engine_decision, c.verdict, c.rule_set_version, c.top_category, c.top_rule,"
          + " c.severity";

  /** Writes the comments of one article, or of all when {@code articleId} is null. */
  public long write(String articleId, OutputStream out) throws IOException {
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    long after = Long.MIN_VALUE;
    long written = 0;
    while (true) {
      List<JsonObjectBuilder> page = new ArrayList<>(PAGE);
      List<Long> ids = new ArrayList<>(PAGE);
      try (Connection c = dataSource.getConnection()) {
        try (PreparedStatement q =
            Sql.prepare(
                c,
                "SELECT "
                    + COLUMNS
                    + " FROM comments c LEFT JOIN comments p ON p.id = c.parent_id WHERE c.id > ?"
                    + (articleId == null ? "" : " AND c.article_id = ?")
                    + " ORDER BY c.id LIMIT "
                    + PAGE)) {
          q.setLong(1, after);
          if (articleId != null) q.setString(2, articleId);
          try (ResultSet r = q.executeQuery()) {
            while (r.next()) {
              ids.add(r.getLong(1));
              page.add(line(r));
            }
          }
        }
        if (ids.isEmpty()) break;
        Map<Long, JsonArrayBuilder> decisions = decisions(c, ids);
        for (int i = 0; i < page.size(); i++) {
          JsonArrayBuilder d = decisions.get(ids.get(i));
          page.get(i).add("decisions", d == null ? Json.createArrayBuilder() : d);
          w.write(page.get(i).build().toString());
          w.write('\n');
        }
      } catch (SQLException e) {
        throw new IOException("the export stopped: the database failed", e);
      }
      written += ids.size();
      after = ids.get(ids.size() - 1);
      w.flush();
      if (ids.size() < PAGE) break;
    }
    w.flush();
    return written;
  }

  private static JsonObjectBuilder line(ResultSet r) throws SQLException {
    JsonObjectBuilder o = Json.createObjectBuilder();
    o.add("id", String.valueOf(r.getLong(1)));
    string(o, "sourceId", r.getString(2));
    o.add("articleId", r.getString(3));
    long parent = r.getLong(4);
    if (r.wasNull()) o.addNull("parentId");
    else o.add("parentId", String.valueOf(parent));
    string(o, "parentSourceId", r.getString(5));
    long root = r.getLong(6);
    if (r.wasNull()) o.addNull("rootId");
    else o.add("rootId", String.valueOf(root));
    o.add("authorName", r.getString(7));
    string(o, "authorEmail", r.getString(8));
    o.add("body", r.getString(9));
    o.add("status", r.getString(10));
    o.add("version", r.getInt(11));
    time(o, "createdAt", r.getObject(12, OffsetDateTime.class));
    time(o, "decidedAt", r.getObject(13, OffsetDateTime.class));
    string(o, "language", r.getString(14));
    o.add("engineDecision", r.getString(15));
    o.add("verdict", json(r.getString(16)));
    o.add("ruleSetVersion", r.getString(17));
    string(o, "topCategory", r.getString(18));
    string(o, "topRule", r.getString(19));
    o.add("severity", r.getInt(20));
    return o;
  }

  private static Map<Long, JsonArrayBuilder> decisions(Connection c, List<Long> ids)
      throws SQLException {
    StringBuilder in = new StringBuilder();
    for (int i = 0; i < ids.size(); i++) in.append(i == 0 ? "?" : ",?");
    Map<Long, JsonArrayBuilder> byComment = new HashMap<>();
    try (PreparedStatement q =
        Sql.prepare(
            c,
            "SELECT comment_id, actor, action, from_status, to_status, reason, at FROM audit_entry"
                + " WHERE comment_id IN ("
                + in
                + ") ORDER BY comment_id, at, id")) {
      for (int i = 0; i < ids.size(); i++) q.setLong(i + 1, ids.get(i));
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          JsonObjectBuilder d = Json.createObjectBuilder();
          d.add("actor", r.getString(2));
          d.add("action", r.getString(3));
          string(d, "fromStatus", r.getString(4));
          string(d, "toStatus", r.getString(5));
          string(d, "reason", r.getString(6));
          time(d, "at", r.getObject(7, OffsetDateTime.class));
          byComment.computeIfAbsent(r.getLong(1), k -> Json.createArrayBuilder()).add(d);
        }
      }
    }
    return byComment;
  }

  static JsonValue json(String stored) {
    try (var reader = Json.createReader(new StringReader(stored))) {
      return reader.readValue();
    } catch (JsonException e) {
      return Json.createValue(stored);
    }
  }

  static void string(JsonObjectBuilder o, String name, String value) {
    if (value == null) o.addNull(name);
    else o.add(name, value);
  }

  static void time(JsonObjectBuilder o, String name, OffsetDateTime value) {
    if (value == null) o.addNull(name);
    else o.add(name, value.withOffsetSameInstant(ZoneOffset.UTC).toInstant().toString());
  }
}
