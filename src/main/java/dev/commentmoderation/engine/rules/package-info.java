/**
 * The rule types of a rule set, one class each, all immutable and thread-safe, working on one
 * {@link dev.commentmoderation.engine.rules.Inspection} of a submission. Each declares its YAML
 * fields, defaults and factory as a static {@code TYPE} ({@link
 * dev.commentmoderation.engine.rules.RuleType}).
 */
package dev.commentmoderation.engine.rules;
