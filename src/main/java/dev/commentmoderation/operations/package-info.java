/** Running the service: health checks and the metrics Prometheus scrapes. */
package dev.commentmoderation.operations;
