/**
 * Rules management around the rule engine ({@code moderation.engine}, a component of its own): the
 * rule set in force and its reloads, rule sets stored through the API, the backtest against stored
 * comments, and the dry-run, rules and backtest endpoints. Above comment: the backtest reads
 * comments, and comment reaches the engine in force through its {@code RulesInForce}.
 */
package dev.commentmoderation.rules;
