package dev.commentmoderation.engine.corpus;

import dev.commentmoderation.engine.Decision;
import dev.commentmoderation.engine.corpus.CorpusThresholds.Outcome;

/**
 * One labelled comment of the corpus.
 *
 * @param part the top-level folder it was read from ({@code dev} or {@code heldout})
 * @param source file and line, for the report
 * @param text the comment, escapes already resolved
 */
record CorpusLine(String part, String source, Label label, String category, String text) {

  /** What the engine must do with a line: OK must be approved, BAD not approved, HARD rejected. */
  enum Label {
    OK(Outcome.APPROVED),
    BAD(Outcome.NOT_APPROVED),
    HARD(Outcome.REJECTED);

    private final Outcome expected;

    Label(Outcome expected) {
      this.expected = expected;
    }

    boolean isRight(Decision decision) {
      return expected.test(decision);
    }
  }
}
