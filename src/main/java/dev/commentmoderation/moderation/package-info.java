/**
 * Automatic moderation: the plain-Java rule engine ({@code engine}), the active rule set and its
 * reloads ({@code control}), and the dry-run and rule-set endpoints ({@code boundary}).
 */
package dev.commentmoderation.moderation;
