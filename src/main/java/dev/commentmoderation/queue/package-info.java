/**
 * The moderators' workflow: the queue (the PENDING rows, so nothing depends on an event surviving
 * a crash), version-checked decisions, and the append-only audit log.
 */
package dev.commentmoderation.queue;
