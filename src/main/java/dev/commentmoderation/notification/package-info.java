/**
 * Telling people and systems what happened to comments (issue #13): reply and decision mails to
 * readers who asked for them, the queue digest to moderators, and signed webhooks to the site's
 * systems, all from one durable outbox written in the transaction of the change it tells of and
 * sent by a worker on a managed scheduled executor, never on a request thread.
 */
package dev.commentmoderation.notification;
