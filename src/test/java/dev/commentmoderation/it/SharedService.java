package dev.commentmoderation.it;

import java.net.URL;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One running service for a whole integration-test run, shared by every test class that extends
 * with it: {@code @ExtendWith(SharedService.class)}, then take an {@link Api} as a parameter of a
 * test or lifecycle method, or call {@link #api()}.
 *
 * <p>Why: each Arquillian test class boots a Payara Micro of its own (25–30 s a class, twice: once
 * per database pass), which is most of the build's time. The shared service is started once per
 * failsafe execution, on the first class that asks for it, and killed when the run ends.
 *
 * <p>It is the real microbundle as production runs it ({@link ServiceProcess}) with the environment
 * of the failsafe execution (admin, trusted proxies, rates, origins) plus {@link #ENV}, on a
 * database of its own: a fresh H2 file on the H2 pass (opened with {@code AUTO_SERVER} so a test
 * can look into it over JDBC while the service runs), a database {@code shared_service} in the
 * run's embedded PostgreSQL on the PostgreSQL pass. {@link #jdbcUrl()} points at it.
 *
 * <p>Classes sharing the service must not depend on each other: fresh article ids ({@link
 * Api#freshArticle}), fresh user names, and a new {@link Api} per reader (each plays a client
 * address of its own). A test that must kill, restart or reconfigure the service starts a {@link
 * ServiceProcess} of its own instead, once per class.
 */
public final class SharedService implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

  /** The port of BrowserIT's page on another origin ({@code http://localhost:SITE_PORT}). */
  public static final int SITE_PORT = Integer.getInteger("it.cross.origin.port", 47123);

  /**
   * Settings the shared service runs with on top of the failsafe execution's environment; features
   * whose tests need a setting add it here (keep them compatible with every other test).
   */
  static final Map<String, String> ENV =
      Map.of(
          "COMMENTS_LEARNED_RETRAIN_HOURS",
          "0",
          // readers signed in by the site (ReaderTokens signs the tests' tokens with it)
          "COMMENTS_SSO_SECRET",
          ReaderTokens.SECRET,
          // BrowserIT's news site on another origin, embedding the widget (issue 12)
          "COMMENTS_ALLOWED_ORIGINS",
          "https://news.example,http://localhost:" + SITE_PORT);

  private static final Namespace NAMESPACE = Namespace.create(SharedService.class);

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    Running r = running(context);
    r.checkedUpTo = r.process.persistenceMisuse(Long.MAX_VALUE).end();
  }

  /**
   * The class fails when the service logged a misuse of its persistence while the class ran: on a
   * thread of the service's own (a listener, an executor) such a bug answers no request with an
   * error, so only the log shows it.
   */
  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    Running r = current;
    if (r == null) return;
    ServiceProcess.Misuse found = r.process.persistenceMisuse(r.checkedUpTo);
    r.checkedUpTo = found.end();
    List<String> misuse = found.lines();
    if (!misuse.isEmpty())
      throw new AssertionError(
          "the shared service misused its entity manager while this class ran (see its log):\n"
              + String.join("\n", misuse));
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Api.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return running(context).process.api();
  }

  /** A new client (a reader with an address of its own) of the shared service. */
  public static Api api() {
    return require().process.api();
  }

  /** The service's base URL, e.g. for a browser. */
  public static URL base() {
    return api().base();
  }

  /** The JDBC URL of the shared service's database (user and password: {@link #jdbcUser()}…). */
  public static String jdbcUrl() {
    return require().jdbcUrl;
  }

  public static String jdbcUser() {
    return postgres() ? "postgres" : "comments";
  }

  public static String jdbcPassword() {
    return postgres() ? "postgres" : "comments";
  }

  private static volatile Running current;

  private static Running require() {
    Running r = current;
    if (r == null)
      throw new IllegalStateException("@ExtendWith(SharedService.class) on the test class first");
    return r;
  }

  private static boolean postgres() {
    return "postgres".equals(System.getProperty("it.database"));
  }

  private static Running running(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent("service", key -> start(), Running.class);
  }

  private static Running start() {
    try {
      String url;
      Map<String, String> env = new HashMap<>(ENV);
      if (postgres()) {
        url = sharedPostgresDatabase();
        env.put("COMMENTS_DB_USER", "postgres");
        env.put("COMMENTS_DB_PASSWORD", "postgres");
      } else {
        url = ServiceProcess.freshH2("shared-h2-").get("COMMENTS_DB_URL") + ";AUTO_SERVER=TRUE";
      }
      env.put("COMMENTS_DB_URL", url);
      ServiceProcess process = new ServiceProcess("shared-service", env);
      Running running = new Running(process, url);
      // a failsafe JVM that dies without closing the store must not leave the service running
      Runtime.getRuntime().addShutdownHook(new Thread(running::closeQuietly));
      process.start();
      current = running;
      return running;
    } catch (Exception e) {
      throw new IllegalStateException("the shared service did not start", e);
    }
  }

  /**
   * A database of its own in the run's embedded PostgreSQL, so Arquillian classes see none of it.
   */
  private static String sharedPostgresDatabase() {
    return freshPostgresDatabase("shared_service");
  }

  /** An empty database of this name in the run's embedded PostgreSQL; its JDBC URL. */
  static String freshPostgresDatabase(String name) {
    String admin = System.getProperty("it.postgres.url");
    if (admin == null) throw new IllegalStateException("no embedded PostgreSQL in this run");
    try (var c = DriverManager.getConnection(admin, "postgres", "postgres");
        var s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name);
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the database " + name, e);
    }
    return admin.substring(0, admin.lastIndexOf('/') + 1) + name;
  }

  private static final class Running implements ExtensionContext.Store.CloseableResource {
    final ServiceProcess process;
    final String jdbcUrl;
    volatile long checkedUpTo;

    Running(ServiceProcess process, String jdbcUrl) {
      this.process = process;
      this.jdbcUrl = jdbcUrl;
    }

    @Override
    public void close() throws InterruptedException {
      current = null;
      process.close();
    }

    void closeQuietly() {
      try {
        process.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException | Error e) {
        // the JVM is going away
      }
    }
  }
}
