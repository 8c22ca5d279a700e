package dev.commentmoderation.learned.control;

import dev.commentmoderation.comment.control.LearnedOpinion;
import dev.commentmoderation.engine.Submission;
import dev.commentmoderation.engine.Verdict;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * The model version in force on this instance, none until one is activated. Replaced whole, so a
 * submission judged during a change sees one version or the other.
 */
@ApplicationScoped
public class ActiveModel implements LearnedOpinion {

  private static final Logger LOG = Logger.getLogger(ActiveModel.class.getName());

  private final AtomicReference<LearnedReview> current = new AtomicReference<>();

  @Override
  public Verdict review(Submission submission, Verdict rules) {
    LearnedReview review = current.get();
    return review == null ? rules : review.review(submission, rules);
  }

  public Optional<LearnedReview> current() {
    return Optional.ofNullable(current.get());
  }

  public Integer version() {
    LearnedReview review = current.get();
    return review == null ? null : review.version();
  }

  void use(LearnedReview review) {
    LearnedReview before = current.getAndSet(review);
    if (before != review)
      LOG.info(
          () ->
              review == null
                  ? "learned layer off"
                  : "learned model "
                      + LearnedReview.model(review.version())
                      + " in force (threshold "
                      + review.threshold()
                      + ")");
  }
}
