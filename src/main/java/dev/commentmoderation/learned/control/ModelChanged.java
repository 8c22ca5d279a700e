package dev.commentmoderation.learned.control;

/**
 * A version was activated ({@code review} null: the layer was switched off); after commit it is
 * used.
 */
public record ModelChanged(LearnedReview review) {}
