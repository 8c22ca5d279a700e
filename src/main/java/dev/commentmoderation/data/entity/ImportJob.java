package dev.commentmoderation.data.entity;

import java.time.OffsetDateTime;

/**
 * An import as its poll shows it. {@code state} is RUNNING, DONE or FAILED; {@code read} counts the
 * source's comments read so far, {@code imported} those published by the job at its end, {@code
 * skipped} those already imported before (same source id) or not comments (pingbacks), {@code
 * failed} those that could not be placed (a post of a thread the file does not describe). A FAILED
 * job imported nothing; {@code error} says why, with the line and element of a malformed file.
 */
public record ImportJob(
    long id,
    String format,
    boolean moderate,
    String state,
    long read,
    long imported,
    long skipped,
    long failed,
    String error,
    String createdBy,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt,
    OffsetDateTime finishedAt) {

  public static final String RUNNING = "RUNNING";
  public static final String DONE = "DONE";
  public static final String FAILED = "FAILED";
}
