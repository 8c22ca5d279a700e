package dev.commentmoderation.challenge.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.Clock;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The proof-of-work gate of anonymous submissions, when {@code comments.challenge=pow}: issues
 * challenges and requires a fresh, unused solution ({@code X-Comment-Challenge} and {@code
 * X-Comment-Challenge-Nonce}). Off by default.
 */
@ApplicationScoped
public class Challenges {

  public static final String ASK_HEADER = "X-Comment-Challenge";
  public static final String NONCE_HEADER = "X-Comment-Challenge-Nonce";

  @Inject ChallengeKey key;
  @Inject SpentChallenges spent;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "comments.challenge", defaultValue = "off")
  String mode;

  @Inject
  @ConfigProperty(name = "comments.challenge.difficulty", defaultValue = "16")
  int difficulty;

  @Inject
  @ConfigProperty(name = "comments.challenge.ttl.seconds", defaultValue = "300")
  long ttlSeconds;

  @PostConstruct
  void init() {
    String m = mode.strip().toLowerCase(Locale.ROOT);
    if (!m.equals("off") && !m.equals("pow"))
      throw new IllegalStateException("comments.challenge must be off or pow, not " + mode);
    if (difficulty < 1 || difficulty > ProofOfWork.MAX_DIFFICULTY)
      throw new IllegalStateException(
          "comments.challenge.difficulty must be 1 to " + ProofOfWork.MAX_DIFFICULTY);
  }

  /** Cheap to make: the key and an HMAC made per use. */
  private ProofOfWork work() {
    return new ProofOfWork(key.secret());
  }

  public boolean on() {
    return mode.strip().equalsIgnoreCase("pow");
  }

  public ProofOfWork.Challenge issue() {
    if (!on()) throw new ChallengesOff();
    return work().issue(clock.instant(), ttlSeconds, difficulty);
  }

  /** Refuses the request unless it carries a fresh solution; spends it. Nothing when off. */
  public void require(HttpHeaders headers) {
    if (!on()) return;
    var check =
        work()
            .check(
                headers.getHeaderString(ASK_HEADER),
                headers.getHeaderString(NONCE_HEADER),
                clock.instant(),
                difficulty);
    if (check.outcome() != ProofOfWork.Outcome.SOLVED)
      throw new ChallengeRefused(check.outcome(), false);
    if (!spent.spend(check.id(), check.expiresAt()))
      throw new ChallengeRefused(check.outcome(), true);
  }
}
