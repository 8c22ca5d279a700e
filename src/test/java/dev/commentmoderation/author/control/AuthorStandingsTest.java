package dev.commentmoderation.author.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.commentmoderation.author.entity.Sanction;
import dev.commentmoderation.author.entity.SanctionKind;
import dev.commentmoderation.engine.AuthorStanding;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthorStandingsTest {

  static final OffsetDateTime NOW = OffsetDateTime.of(2026, 3, 1, 12, 0, 0, 0, ZoneOffset.UTC);

  static Sanction sanction(
      SanctionKind kind,
      String name,
      String email,
      String domain,
      String client,
      OffsetDateTime until) {
    return new Sanction(kind, name, email, domain, client, until, "why", "mod", NOW.minusDays(1));
  }

  @Test
  void sanctionsComeBeforeHistory() {
    assertEquals(AuthorStanding.BANNED, AuthorStandings.decide(SanctionKind.BAN, 50, 50, 0, 5));
    assertEquals(
        AuthorStanding.PREMODERATED,
        AuthorStandings.decide(SanctionKind.PREMODERATE, 50, 50, 0, 5));
    assertEquals(AuthorStanding.TRUSTED, AuthorStandings.decide(SanctionKind.TRUST, 0, 0, 0, 5));
  }

  @Test
  void trustIsEarnedByEnoughApprovedAndNoRejectedInTheWindow() {
    assertEquals(AuthorStanding.TRUSTED, AuthorStandings.decide(null, 7, 5, 0, 5));
    assertEquals(AuthorStanding.ESTABLISHED, AuthorStandings.decide(null, 7, 5, 1, 5));
    assertEquals(AuthorStanding.ESTABLISHED, AuthorStandings.decide(null, 7, 4, 0, 5));
    assertEquals(AuthorStanding.NEW, AuthorStandings.decide(null, 0, 0, 0, 5));
  }

  @Test
  void strongestMatchingActiveSanctionWins() {
    var ban = sanction(SanctionKind.BAN, null, null, null, "c1", null);
    var premod = sanction(SanctionKind.PREMODERATE, null, "a@b.kg", null, null, null);
    assertEquals(
        SanctionKind.BAN,
        AuthorStandings.strongest(List.of(premod, ban), "x", "a@b.kg", "c1", NOW));
    assertEquals(
        SanctionKind.PREMODERATE,
        AuthorStandings.strongest(List.of(premod, ban), "x", "A@B.kg", "c2", NOW));
    assertNull(AuthorStandings.strongest(List.of(premod, ban), "x", "z@b.kg", "c2", NOW));
  }

  @Test
  void suspensionsExpireAndLiftedSanctionsStop() {
    var suspended = sanction(SanctionKind.BAN, null, "a@b.kg", null, null, NOW.plusHours(1));
    assertTrue(suspended.activeAt(NOW));
    assertFalse(suspended.activeAt(NOW.plusHours(2)));
    var lifted = sanction(SanctionKind.BAN, null, "a@b.kg", null, null, null);
    lifted.lift("admin", NOW);
    assertFalse(lifted.activeAt(NOW));
    assertNull(AuthorStandings.strongest(List.of(lifted), "x", "a@b.kg", null, NOW));
  }

  @Test
  void matchingByDomainClientAndNameWithEmail() {
    assertTrue(
        sanction(SanctionKind.BAN, null, null, "spam.example", null, null)
            .matches("n", "x@Spam.Example", null));
    assertFalse(
        sanction(SanctionKind.BAN, null, null, "spam.example", null, null)
            .matches("n", "x@nospam.example", null));
    var nameAndMail = sanction(SanctionKind.BAN, "Петр", "p@b.kg", null, null, null);
    assertTrue(nameAndMail.matches(" петр ", "p@b.kg", null));
    assertFalse(nameAndMail.matches("Иван", "p@b.kg", null));
    assertFalse(sanction(SanctionKind.BAN, null, null, null, "c1", null).matches("n", null, null));
  }

  @Test
  void cachedHistoryIsCountedForwardByTheAuthorsOwnComments() {
    var fresh = new AuthorStandings.History(0, 0, 0);
    var once = fresh.plus(dev.commentmoderation.comment.entity.CommentStatus.APPROVED);
    assertEquals(new AuthorStandings.History(1, 1, 0), once, "NEW becomes ESTABLISHED at once");
    assertEquals(once, once.plus(dev.commentmoderation.comment.entity.CommentStatus.PENDING));
    var trusted = new AuthorStandings.History(9, 6, 0);
    assertEquals(
        new AuthorStandings.History(9, 6, 1),
        trusted.plus(dev.commentmoderation.comment.entity.CommentStatus.REJECTED),
        "a refusal ends earned trust");
    assertEquals(
        new AuthorStandings.History(10, 7, 0),
        trusted.plus(dev.commentmoderation.comment.entity.CommentStatus.APPROVED));
  }

  @Test
  void historyRowsAddUpTheEmailsAndTheClientsParts() {
    List<Object[]> rows =
        List.of(
            new Object[] {"AE", 1L},
            new Object[] {"AR", 3L},
            new Object[] {"RR", 0L},
            new Object[] {"AE ", 1},
            new Object[] {"AR", 2},
            new Object[] {"RR", 0L});
    assertEquals(new AuthorStandings.History(5, 5, 0), AuthorStandings.History.of(rows));
    assertEquals(AuthorStanding.TRUSTED, AuthorStandings.decide(null, 5, 5, 0, 5));
    assertEquals(new AuthorStandings.History(0, 0, 0), AuthorStandings.History.of(List.of()));
    var rejected =
        AuthorStandings.History.of(
            List.<Object[]>of(new Object[] {"AE", 1L}, new Object[] {"RR", 1L}));
    assertEquals(new AuthorStandings.History(1, 0, 1), rejected);
  }

  @Test
  void theHistoryQueryStopsEachPartAtItsLimit() {
    String sql = AuthorStandings.historyQuery(5);
    assertEquals(6, sql.split("UNION ALL").length);
    assertEquals(2, sql.split("LIMIT 5\\)", -1).length - 1, sql);
    assertEquals(4, sql.split("LIMIT 1\\)", -1).length - 1, sql);
  }
}
