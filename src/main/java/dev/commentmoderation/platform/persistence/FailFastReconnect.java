package dev.commentmoderation.platform.persistence;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * EclipseLink retries a query whose connection failed, waiting five seconds between attempts by
 * default: with the database gone, every request then took ten seconds to fail (measured in {@code
 * DatabaseOutageIT}). One immediate retry still covers a connection that went stale; beyond that
 * the client is answered 503 with {@code Retry-After} and retries itself.
 */
public class FailFastReconnect implements SessionCustomizer {

  @Override
  public void customize(Session session) {
    if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
      login.setQueryRetryAttemptCount(1);
      login.setDelayBetweenConnectionAttempts(0);
    }
  }
}
