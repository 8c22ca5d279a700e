/**
 * Live updates for moderators' dashboards over server-sent events: new held comments, decisions and
 * reader reports, as they commit. In memory, per instance: with several instances on one database,
 * a dashboard sees the events of the instance it is connected to (see docs/moderator-api.md).
 */
package dev.commentmoderation.live;
