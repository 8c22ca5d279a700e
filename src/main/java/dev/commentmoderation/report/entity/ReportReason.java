package dev.commentmoderation.report.entity;

import java.util.Locale;
import java.util.Optional;

public enum ReportReason {
  SPAM,
  ABUSE,
  OFFTOPIC,
  OTHER;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ReportReason> of(String code) {
    if (code == null) return Optional.empty();
    for (ReportReason r : values()) {
      if (r.code().equals(code.strip().toLowerCase(Locale.ROOT))) return Optional.of(r);
    }
    return Optional.empty();
  }
}
