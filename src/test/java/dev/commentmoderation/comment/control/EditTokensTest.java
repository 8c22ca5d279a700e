package dev.commentmoderation.comment.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class EditTokensTest {

  @Test
  void aTokenHasAtLeast128RandomBitsAndOnlyItsHashIsKept() {
    var issued = EditTokens.issue();
    assertTrue(Base64.getUrlDecoder().decode(issued.token()).length * 8 >= 128);
    assertEquals(64, issued.hash().length());
    assertFalse(issued.hash().contains(issued.token()));
    assertNotEquals(issued.token(), EditTokens.issue().token());
  }

  @Test
  void onlyTheIssuedTokenMatches() {
    var issued = EditTokens.issue();
    assertTrue(EditTokens.matches(issued.hash(), issued.token()));
    assertTrue(EditTokens.matches(issued.hash(), " " + issued.token() + " "));
    assertFalse(EditTokens.matches(issued.hash(), EditTokens.issue().token()));
    assertFalse(EditTokens.matches(issued.hash(), issued.hash()));
    assertFalse(EditTokens.matches(issued.hash(), null));
    assertFalse(EditTokens.matches(issued.hash(), ""));
    assertFalse(EditTokens.matches(issued.hash(), "x".repeat(5000)));
    // a comment without a token (imported, or by a signed-in reader) matches nothing
    assertFalse(EditTokens.matches(null, issued.token()));
  }

  @Test
  void theEditWindowIncludesItsLastMoment() {
    var created = OffsetDateTime.of(2026, 12, 7, 6, 0, 0, 0, ZoneOffset.UTC);
    var window = Duration.ofMinutes(15);
    assertTrue(OwnComments.withinWindow(created, created.plusMinutes(15), window));
    assertFalse(OwnComments.withinWindow(created, created.plusMinutes(15).plusNanos(1000), window));
  }

  @Test
  void theWindowTakesFractionsOfMinutes() {
    var own = new OwnComments();
    own.windowMinutes = "0.25";
    assertEquals(Duration.ofSeconds(15), own.window());
    own.windowMinutes = " 15 ";
    assertEquals(Duration.ofMinutes(15), own.window());
  }
}
