package dev.commentmoderation.security.control;

import dev.commentmoderation.platform.web.Throttle;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows down password guessing: after too many failed logins for one username, or from one client,
 * further attempts are refused (429) until the bucket refills, without checking the password at
 * all. Counted per instance.
 */
@ApplicationScoped
public class LoginThrottle {

  @Inject
  @ConfigProperty(name = "comments.login.max.failures", defaultValue = "10")
  int perUser;

  @Inject
  @ConfigProperty(name = "comments.login.max.failures.per.client", defaultValue = "30")
  int perClient;

  @Inject
  @ConfigProperty(name = "comments.login.window.minutes", defaultValue = "15")
  int windowMinutes;

  private Throttle users;
  private Throttle clients;

  @PostConstruct
  void init() {
    users = new Throttle(perUser, Duration.ofMinutes(windowMinutes));
    clients = new Throttle(perClient, Duration.ofMinutes(windowMinutes));
  }

  /** Empty when an attempt may be made now, else how long to wait. */
  public Optional<Duration> blocked(String username, String client) {
    Optional<Duration> user = users.peek(key(username));
    return user.isPresent() ? user : clients.peek(client);
  }

  public void failed(String username, String client) {
    users.take(key(username));
    clients.take(client);
  }

  private static String key(String username) {
    return username.toLowerCase(Locale.ROOT);
  }
}
