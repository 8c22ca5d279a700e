package dev.commentmoderation.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** The one clock of the service (UTC); tests of control classes wire a fixed one by hand. */
@ApplicationScoped
public class Clocks {

  @Produces
  @ApplicationScoped
  Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * Now, at the precision both databases keep (microseconds), so that a time read back equals the
   * time written and keyset cursors compare exactly.
   */
  public static OffsetDateTime now(Clock clock) {
    return OffsetDateTime.now(clock)
        .withOffsetSameInstant(ZoneOffset.UTC)
        .truncatedTo(ChronoUnit.MICROS);
  }
}
