package dev.commentmoderation.engine;

/**
 * One rule hit. {@code start}/{@code end} are UTF-16 offsets into the original body (end
 * exclusive); {@code excerpt} is the original text between them. Rules about the author or the
 * article rather than the text report the span 0..0 and an empty excerpt.
 */
public record Match(
    String rule,
    String category,
    Action action,
    int start,
    int end,
    String excerpt,
    Reason reason) {}
