package dev.commentmoderation.comment.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RecentTextsTest {

  static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 26, 12, 0, 0, 0, ZoneOffset.UTC);

  @Test
  void theSameTextFromTheSameClientOrEmailWithinTheWindowRepeats() {
    var recent = new RecentTexts(Duration.ofHours(24));
    recent.add("h1", "client-a", null, NOW);
    recent.add("h2", "client-b", "x@example.kg", NOW.minusHours(25));
    assertTrue(
        recent.repeats("h1", "client-a", null, NOW.plusNanos(1_000_000)), "same client, ms later");
    assertFalse(recent.repeats("h1", "client-c", null, NOW), "another client");
    assertFalse(recent.repeats("h3", "client-a", null, NOW), "another text");
    assertFalse(recent.repeats("h2", "client-z", "x@example.kg", NOW), "outside the window");
    recent.add("h2", "client-b", "x@example.kg", NOW.minusHours(1));
    assertTrue(
        recent.repeats("h2", "client-z", "x@example.kg", NOW), "same e-mail from another client");
    assertFalse(recent.repeats("h2", "client-z", null, NOW), "no e-mail never matches by e-mail");
  }
}
