package dev.commentmoderation.platform.persistence;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One data-source class for {@code @DataSourceDefinition} whose JDBC URL picks the database: a
 * {@code jdbc:postgresql:} URL goes to PostgreSQL, anything else to the embedded H2. This is what
 * lets one jar switch databases through {@code COMMENTS_DB_URL} alone; the container pools the
 * connections it hands out.
 */
public class RoutingDataSource implements DataSource {

  private String url;
  private String user;
  private String password;
  private volatile DataSource target;
  private volatile int loginTimeout;

  public void setUrl(String url) {
    this.url = url;
    target = null;
  }

  public void setURL(String url) {
    setUrl(url);
  }

  public String getUrl() {
    return url;
  }

  public void setUser(String user) {
    this.user = user;
    target = null;
  }

  public String getUser() {
    return user;
  }

  public void setPassword(String password) {
    this.password = password;
    target = null;
  }

  public static boolean isPostgres(String url) {
    return url != null && url.startsWith("jdbc:postgresql:");
  }

  private DataSource target() {
    DataSource t = target;
    if (t == null) {
      if (url == null || url.isBlank()) {
        throw new IllegalStateException("comments.db.url (COMMENTS_DB_URL) is not set");
      }
      if (isPostgres(url)) {
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setUrl(url);
        if (user != null) pg.setUser(user);
        if (password != null) pg.setPassword(password);
        // a database that stops answering must not hang a request thread forever
        if (!url.contains("connectTimeout")) pg.setConnectTimeout(5);
        if (!url.contains("socketTimeout")) pg.setSocketTimeout(30);
        // multi-row INSERTs for JDBC batches (the submission batcher's group commits)
        if (!url.contains("reWriteBatchedInserts")) pg.setReWriteBatchedInserts(true);
        t = pg;
      } else {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url);
        h2.setUser(user == null ? "" : user);
        h2.setPassword(password == null ? "" : password);
        t = h2;
      }
      target = t;
    }
    return t;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return target().getConnection();
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return target().getConnection(username, password);
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {
    loginTimeout = seconds;
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeout;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) return iface.cast(this);
    return target().unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return iface.isInstance(this) || target().isWrapperFor(iface);
  }
}
