/**
 * The rule types of a rule set, one class each, all immutable and thread-safe, working on one
 * {@link dev.commentmoderation.moderation.engine.rules.Inspection} of a submission.
 */
package dev.commentmoderation.moderation.engine.rules;
