/**
 * The moderators' workflow: the queue (the PENDING rows, so nothing depends on an event surviving a
 * crash) with filters, keyset paging and advisory claims, decisions one at a time or in bulk (each
 * in its own transaction; made by comment's {@code Decisions}), the dismissal of readers' reports,
 * and the stats.
 */
package dev.commentmoderation.queue;
