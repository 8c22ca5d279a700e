package dev.commentmoderation.comment.control;

import dev.commentmoderation.engine.Action;
import dev.commentmoderation.engine.Decision;
import dev.commentmoderation.engine.Match;
import dev.commentmoderation.engine.Reason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;

/**
 * The external classifier's step in the submission path (Coral's "external moderation phase"): it
 * is asked only about a comment the rules would publish, after the rules and before the write, on
 * the request thread, holding no transaction and no lock. What it finds can only hold the comment
 * for a moderator, with a match {@code rule: "external"} naming its category and span; it never
 * refuses, never publishes, and when it is off, slow or down the rules' verdict stands.
 */
@ApplicationScoped
public class ExternalReview {

  /** The rule name of the matches this step adds. */
  public static final String RULE = "external";

  @Inject ExternalClassifier classifier;

  PreparedComment reviewed(PreparedComment judged) {
    if (judged.verdict().decision() != Decision.APPROVE || !classifier.enabled()) return judged;
    List<ExternalClassifier.Finding> findings =
        classifier.classify(
            new ExternalClassifier.Query(
                judged.articleId(),
                judged.body(),
                judged.author().name(),
                judged.language(),
                judged.parentId()));
    if (findings.isEmpty()) return judged;
    return judged.heldAfterEngine(findings.stream().map(f -> match(judged.body(), f)).toList());
  }

  static Match match(String body, ExternalClassifier.Finding finding) {
    int start = Math.max(0, Math.min(finding.start(), body.length()));
    int end = Math.max(start, Math.min(finding.end(), body.length()));
    return new Match(
        RULE,
        finding.category(),
        Action.HOLD,
        start,
        end,
        body.substring(start, end),
        reason(finding.category()));
  }

  /**
   * The reader-facing reason for a category, as coarse as the rules' own; the names the common
   * models use (Perspective, Detoxify) are known, anything else is {@link Reason#OTHER}.
   */
  static Reason reason(String category) {
    return switch (category.toLowerCase(Locale.ROOT)) {
      case "identity_attack", "identity_hate", "hate", "hatred" -> Reason.HATE;
      case "threat", "threats", "violence" -> Reason.THREAT;
      case "dehumanization", "dehumanisation", "dehumanising" -> Reason.DEHUMANISING;
      case "doxxing", "doxing", "privacy", "personal_data" -> Reason.PRIVACY;
      case "toxicity", "severe_toxicity", "toxic", "severe_toxic", "insult" -> Reason.INSULT;
      case "profanity", "obscene", "obscenity", "sexually_explicit", "sexual_explicit" ->
          Reason.PROFANITY;
      case "spam" -> Reason.SPAM;
      default -> Reason.OTHER;
    };
  }
}
