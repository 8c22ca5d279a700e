package dev.commentmoderation.challenge.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.commentmoderation.challenge.control.ProofOfWork.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProofOfWorkTest {

  static final Instant NOW = Instant.parse("2026-12-07T06:00:00Z");
  static final ProofOfWork WORK = new ProofOfWork("k".repeat(32).getBytes(StandardCharsets.UTF_8));

  @Test
  void aSolvedChallengeIsAcceptedUntilItExpires() {
    var c = WORK.issue(NOW, 60, 8);
    String nonce = ProofOfWork.solve(c.token(), 8);
    var check = WORK.check(c.token(), nonce, NOW.plusSeconds(59), 8);
    assertEquals(Outcome.SOLVED, check.outcome());
    assertEquals(c.id(), check.id());
    assertEquals(NOW.plusSeconds(60), check.expiresAt());
    assertEquals(Outcome.EXPIRED, WORK.check(c.token(), nonce, NOW.plusSeconds(60), 8).outcome());
  }

  @Test
  void aNonceThatDoesNotSolveItIsWrong() {
    var c = WORK.issue(NOW, 60, 12);
    String nonce = ProofOfWork.solve(c.token(), 12);
    String other = Long.toString(Long.parseLong(nonce) + 1);
    // the next nonce solves it by chance once in 4096: look for one that does not
    while (ProofOfWork.solved(c.token(), other, 12)) other = other + "0";
    assertEquals(Outcome.WRONG, WORK.check(c.token(), other, NOW, 12).outcome());
    assertEquals(Outcome.WRONG, WORK.check(c.token(), "-1", NOW, 12).outcome());
    assertEquals(Outcome.WRONG, WORK.check(c.token(), "12ab", NOW, 12).outcome());
  }

  @Test
  void aForgedOrForeignChallengeIsWrong() {
    var c = WORK.issue(NOW, 60, 4);
    String[] parts = c.token().split("\\.");
    // easier difficulty and later expiry, signature kept
    String easier = String.join(".", parts[0], parts[1], parts[2], "1", parts[4]);
    String later =
        String.join(
            ".",
            parts[0],
            parts[1],
            String.valueOf(NOW.getEpochSecond() + 9999),
            parts[3],
            parts[4]);
    for (String forged : new String[] {easier, later, c.token() + "x", "v1.a.b.c", "nonsense"}) {
      assertEquals(
          Outcome.WRONG,
          WORK.check(forged, ProofOfWork.solve(forged, 1), NOW, 1).outcome(),
          forged);
    }
    var foreign = new ProofOfWork("x".repeat(32).getBytes(StandardCharsets.UTF_8));
    var theirs = foreign.issue(NOW, 60, 4);
    assertEquals(
        Outcome.WRONG,
        WORK.check(theirs.token(), ProofOfWork.solve(theirs.token(), 4), NOW, 4).outcome());
  }

  @Test
  void aChallengeEasierThanAskedNowIsWrong() {
    var c = WORK.issue(NOW, 60, 4);
    assertEquals(
        Outcome.WRONG, WORK.check(c.token(), ProofOfWork.solve(c.token(), 4), NOW, 10).outcome());
  }

  @Test
  void nothingPresentedIsMissing() {
    var c = WORK.issue(NOW, 60, 4);
    assertEquals(Outcome.MISSING, WORK.check(null, null, NOW, 4).outcome());
    assertEquals(Outcome.MISSING, WORK.check(c.token(), " ", NOW, 4).outcome());
    assertEquals(Outcome.MISSING, WORK.check("", "1", NOW, 4).outcome());
  }

  @Test
  void everyChallengeIsDifferent() {
    assertNotEquals(WORK.issue(NOW, 60, 4).id(), WORK.issue(NOW, 60, 4).id());
    assertTrue(WORK.issue(NOW, 60, 4).id().length() >= 22);
  }

  @ParameterizedTest
  @CsvSource({"00ff, 8", "0f00, 4", "8000, 0", "0001, 15", "0000, 16", "0080, 8", "4000, 1"})
  void countsLeadingZeroBits(String hex, int bits) {
    assertEquals(bits, ProofOfWork.leadingZeroBits(java.util.HexFormat.of().parseHex(hex)));
  }
}
