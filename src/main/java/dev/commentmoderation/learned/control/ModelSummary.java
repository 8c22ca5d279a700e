package dev.commentmoderation.learned.control;

import dev.commentmoderation.learned.entity.LearnedModel;
import java.time.OffsetDateTime;

/** A stored version without its serialised model: what lists and statistics need. */
public record ModelSummary(
    int version,
    boolean active,
    OffsetDateTime createdAt,
    String createdBy,
    int approvedExamples,
    int rejectedExamples,
    int testExamples,
    int testRejected,
    int testHeld,
    int testHeldRejected,
    Double precision,
    Double recall,
    int features,
    double threshold) {

  static final String SELECT =
      "select new dev.commentmoderation.learned.control.ModelSummary(m.version, m.active,"
          + " m.createdAt, m.createdBy, m.approvedExamples, m.rejectedExamples, m.testExamples,"
          + " m.testRejected, m.testHeld, m.testHeldRejected, m.testPrecision, m.testRecall,"
          + " m.features, m.threshold) from LearnedModel m";

  public static ModelSummary of(LearnedModel m) {
    return new ModelSummary(
        m.version(),
        m.active(),
        m.createdAt(),
        m.createdBy(),
        m.approvedExamples(),
        m.rejectedExamples(),
        m.testExamples(),
        m.testRejected(),
        m.testHeld(),
        m.testHeldRejected(),
        m.testPrecision(),
        m.testRecall(),
        m.features(),
        m.threshold());
  }
}
