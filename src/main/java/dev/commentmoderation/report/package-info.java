/**
 * Readers' reports on published comments: one per reader and comment, and at the threshold the
 * comment goes back to the moderators, who either decide it or dismiss the reports.
 */
package dev.commentmoderation.report;
