package dev.commentmoderation.engine.rules;

import dev.commentmoderation.engine.Submission;
import dev.commentmoderation.engine.text.NormalizedText;
import dev.commentmoderation.engine.text.TextNormalizer;
import dev.commentmoderation.engine.text.Words;

/** One submission under evaluation; the folded text and its words are computed once, on demand. */
public final class Inspection {
  private final Submission submission;
  private final String body;
  private NormalizedText normalized;
  private Words words;

  public Inspection(Submission submission) {
    this.submission = submission;
    this.body = submission.body() == null ? "" : submission.body();
  }

  public Submission submission() {
    return submission;
  }

  public String body() {
    return body;
  }

  public NormalizedText normalized() {
    if (normalized == null) {
      normalized = TextNormalizer.normalize(body);
    }
    return normalized;
  }

  public Words words() {
    if (words == null) {
      words = Words.of(normalized());
    }
    return words;
  }
}
