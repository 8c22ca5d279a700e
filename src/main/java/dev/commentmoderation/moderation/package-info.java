/**
 * Automatic moderation: the plain-Java rule engine ({@code engine}), the active rule set, its
 * reloads, rule sets stored through the API and the backtest ({@code control}), and the dry-run,
 * rules and backtest endpoints ({@code boundary}).
 */
package dev.commentmoderation.moderation;
