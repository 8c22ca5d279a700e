package dev.commentmoderation.report.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportReasonTest {

  @Test
  void readsTheContractsLowerCaseCodesOnly() {
    assertEquals(Optional.of(ReportReason.SPAM), ReportReason.of("spam"));
    assertEquals(Optional.of(ReportReason.OFFTOPIC), ReportReason.of(" OffTopic "));
    assertTrue(ReportReason.of("boring").isEmpty());
    assertTrue(ReportReason.of(null).isEmpty());
    assertEquals("abuse", ReportReason.ABUSE.code());
  }
}
