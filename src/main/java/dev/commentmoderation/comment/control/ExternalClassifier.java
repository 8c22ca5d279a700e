package dev.commentmoderation.comment.control;

import java.util.List;

/**
 * A classifier outside the service (a self-hosted model behind {@code COMMENTS_CLASSIFIER_URL}),
 * asked about a comment the rules would publish. An interface to invert the dependency: the
 * classifier component implements it and sits above comment.
 *
 * <p>An implementation answers within its time budget whatever the classifier does, never throws,
 * and answers "nothing found" when it is off, slow, down or makes no sense.
 */
public interface ExternalClassifier {

  /** What is sent: the comment as it will be stored; it has no id yet (asked before the write). */
  record Query(String articleId, String body, String authorName, String language, Long parentId) {}

  /**
   * A category the classifier scored at or above the threshold, with the span it points at (UTF-16
   * offsets into the body, end exclusive; the whole body when it gave none).
   */
  record Finding(String category, double score, int start, int end) {}

  /** Whether a classifier is configured at all. */
  boolean enabled();

  /** The categories at or above the threshold, strongest first; empty when none or unavailable. */
  List<Finding> classify(Query query);
}
