package dev.commentmoderation.reader.control;

import dev.commentmoderation.platform.web.ClientIdentity;
import dev.commentmoderation.reader.entity.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one place that answers "who is this reader": a reader the site signed in (a valid {@code
 * Authorization: Bearer} token), or an anonymous client. A token that is present is never ignored:
 * when it is not accepted the call is refused ({@link TokenRefused}, 401), so a reader whose
 * sign-in broke is told so rather than posting anonymously.
 *
 * <p>Reader endpoints call {@link #identify} (reading as whoever) or {@link #participant} (posting,
 * reacting, reporting: with {@code COMMENTS_ANONYMOUS=deny} an anonymous caller is refused).
 */
@ApplicationScoped
public class Callers {

  @Inject ClientIdentity clients;
  @Inject Readers readers;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "comments.sso.secret")
  Optional<String> secret;

  @Inject
  @ConfigProperty(name = "comments.sso.public.key")
  Optional<String> publicKey;

  @Inject
  @ConfigProperty(name = "comments.sso.jwks.url")
  Optional<String> jwksUrl;

  @Inject
  @ConfigProperty(name = "comments.sso.issuer")
  Optional<String> issuer;

  @Inject
  @ConfigProperty(name = "comments.sso.audience")
  Optional<String> audience;

  @Inject
  @ConfigProperty(name = "comments.sso.clock.skew.seconds", defaultValue = "60")
  int skewSeconds;

  @Inject
  @ConfigProperty(name = "comments.sso.max.lifetime.minutes", defaultValue = "1440")
  int maxLifetimeMinutes;

  @Inject
  @ConfigProperty(name = "comments.sso.jwks.refresh.seconds", defaultValue = "30")
  int jwksRefreshSeconds;

  @Inject
  @ConfigProperty(name = "comments.anonymous", defaultValue = "allow")
  String anonymous;

  private SignInTokens tokens;
  private boolean anonymousDenied;

  @PostConstruct
  void configure() {
    tokens =
        SignInTokens.of(
            new SignInTokens.Settings(
                secret.orElse(null),
                publicKey.orElse(null),
                jwksUrl.orElse(null),
                issuer.orElse(null),
                audience.orElse(null),
                Duration.ofSeconds(Math.max(0, skewSeconds)),
                Duration.ofMinutes(Math.max(1, maxLifetimeMinutes)),
                Duration.ofSeconds(Math.max(0, jwksRefreshSeconds))),
            clock);
    anonymousDenied = anonymousDenied(anonymous);
    if (DEMO_SECRET.equals(secret.map(String::strip).orElse(""))) {
      LOG.warning(
          "COMMENTS_SSO_SECRET is the demo page's public secret: anyone can sign in as anyone."
              + " Fine for a local try-out, never for a real site.");
    }
  }

  /** The secret the demo page signs with in the browser (demo/demo-sso.js): known to everyone. */
  static final String DEMO_SECRET = "demo-only-secret-anyone-can-read-never-use-it";

  private static final java.util.logging.Logger LOG =
      java.util.logging.Logger.getLogger(Callers.class.getName());

  /**
   * Settings that cannot work stop the deployment now, not the first reader later: observing the
   * start creates this bean, whose {@code @PostConstruct} checks them.
   */
  void checkAtStart(
      @jakarta.enterprise.event.Observes
          @jakarta.enterprise.context.Initialized(ApplicationScoped.class)
          Object started) {
    LOG.info(
        () ->
            "sign-in from the site: "
                + (tokens.configured() ? "on" : "off")
                + ", anonymous readers: "
                + (anonymousDenied ? "deny" : "allow"));
  }

  /**
   * {@code allow} or {@code deny}; anything else stops the start (a typo must not open posting).
   */
  static boolean anonymousDenied(String setting) {
    String s = setting == null ? "allow" : setting.strip().toLowerCase(Locale.ROOT);
    return switch (s) {
      case "", "allow" -> false;
      case "deny" -> true;
      default -> throw new IllegalStateException("COMMENTS_ANONYMOUS must be allow or deny: " + s);
    };
  }

  /** Whether sites can sign readers in here at all. */
  public boolean signInConfigured() {
    return tokens.configured();
  }

  /** Who calls; a token that is sent must be valid. */
  public Caller identify(HttpServletRequest request) {
    String clientHash = clients.hash(request);
    String token = bearer(request.getHeader("Authorization"));
    if (token == null) return Caller.anonymous(clientHash);
    VerifiedReader reader = tokens.verify(token);
    return new Caller(readers.remember(reader), reader.name(), reader.email(), clientHash);
  }

  /** Who takes part (posts, reacts, reports): as {@link #identify}, and signed in when required. */
  public Caller participant(HttpServletRequest request) {
    return admitted(identify(request), anonymousDenied);
  }

  static Caller admitted(Caller caller, boolean anonymousDenied) {
    if (anonymousDenied && !caller.signedIn()) throw new SignInRequired();
    return caller;
  }

  /**
   * The token of a {@code Bearer} Authorization header; null when there is no such header. Other
   * schemes are not ours (they mean nothing on reader endpoints) and count as no token.
   */
  static String bearer(String header) {
    if (header == null) return null;
    String h = header.strip();
    if (h.length() < 6 || !h.regionMatches(true, 0, "Bearer", 0, 6)) return null;
    if (h.length() > 6 && !Character.isWhitespace(h.charAt(6))) return null;
    return h.substring(6).strip();
  }
}
