package dev.commentmoderation.engine;

/**
 * One rule hit. {@code start}/{@code end} are UTF-16 offsets into the original body (end
 * exclusive); {@code excerpt} is the original text between them. Rules about the author or the
 * article rather than the text report the span 0..0 and an empty excerpt. {@code learned} is null
 * except on the learned layer's match, where it says what the model weighed.
 */
public record Match(
    String rule,
    String category,
    Action action,
    int start,
    int end,
    String excerpt,
    Reason reason,
    Evidence learned) {

  public Match(
      String rule,
      String category,
      Action action,
      int start,
      int end,
      String excerpt,
      Reason reason) {
    this(rule, category, action, start, end, excerpt, reason, null);
  }
}
