/**
 * The comments' whole life outside the live service: import from the system a site leaves (Disqus,
 * WordPress WXR, and this service's own JSON Lines export), export, a reader's data and its erasure
 * on request, and the retention of personal data. Bulk work goes through JDBC batches and set-based
 * SQL on the tables of the components below (comments, reports, sanctions, audit), because moving
 * hundreds of thousands of rows through entities would be many times slower; thread caches learn of
 * every change through the comment component's {@code ThreadInvalidation}.
 */
package dev.commentmoderation.data;
