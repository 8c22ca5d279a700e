package dev.commentmoderation.data.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Statements for bulk work, which may rightly run for a while. */
final class Sql {

  private Sql() {}

  /**
   * A statement without a time limit. H2 keeps a statement's query timeout for its whole session,
   * so a pooled connection that once served the readiness probe (1 s) would cancel a long import
   * statement; 0 clears it (and is PostgreSQL's default anyway).
   */
  static PreparedStatement prepare(Connection c, String sql) throws SQLException {
    PreparedStatement statement = c.prepareStatement(sql);
    try {
      statement.setQueryTimeout(0);
      return statement;
    } catch (SQLException e) {
      statement.close();
      throw e;
    }
  }
}
