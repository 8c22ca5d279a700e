/**
 * The learned layer on top of the rules: a logistic regression over character n-grams of the
 * engine's folded text, trained from the moderators' own approvals and rejections, versioned in the
 * database (one version active, rollback by activating an older one), retrained on demand and on a
 * schedule. It may only hold a comment the rules would publish; it never refuses or publishes. The
 * submission path reaches it through comment's {@code LearnedOpinion}, implemented here; the rules
 * backtest through the same interface.
 */
package dev.commentmoderation.learned;
