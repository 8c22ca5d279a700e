package dev.commentmoderation.report.boundary;

import dev.commentmoderation.report.entity.Report;
import java.time.Instant;

/** A report as moderators see it; who reported stays unknown to them. */
public record ReportView(String reason, String note, Instant at) {
  public static ReportView of(Report r) {
    return new ReportView(r.reason(), r.note(), r.createdAt().toInstant());
  }
}
