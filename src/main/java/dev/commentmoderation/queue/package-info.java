/**
 * The moderators' workflow: the queue (the PENDING rows, so nothing depends on an event surviving
 * a crash) with filters, keyset paging and advisory claims, version-checked decisions (one at a
 * time or in bulk, each in its own transaction), the append-only audit log, and the stats.
 */
package dev.commentmoderation.queue;
