package dev.commentmoderation.comment.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.commentmoderation.engine.Decision;
import dev.commentmoderation.security.entity.Moderator;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** What an author's edit or deletion and an editor's pick do to a comment, by its status. */
class OwnChangesTest {

  static final OffsetDateTime AT = OffsetDateTime.of(2026, 12, 7, 6, 0, 0, 0, ZoneOffset.UTC);
  static final Moderator ADMIN = new Moderator("anna", true);

  static Comment judged(Decision decision) {
    Comment c = new Comment("a", (Long) null, null, "Айгуль", null, "текст", "h", "c", "ru", AT);
    c.judged(decision, "{}", "v1", null, null);
    return c;
  }

  static CommentStatus edit(Comment c, Decision newVerdict) {
    return c.edited("новый текст", "h2", newVerdict, "{}", "v1", null, null, 0, AT.plusMinutes(1));
  }

  @Test
  void anEditIsJudgedAgainAndMarksTheComment() {
    Comment c = judged(Decision.APPROVE);
    assertEquals(CommentStatus.APPROVED, edit(c, Decision.HOLD));
    assertEquals(CommentStatus.PENDING, c.status());
    assertEquals("новый текст", c.body());
    assertEquals(AT.plusMinutes(1), c.editedAt());
  }

  @Test
  void aHeldCommentStaysHeldWhateverItsNewText() {
    Comment c = judged(Decision.HOLD);
    edit(c, Decision.APPROVE);
    assertEquals(CommentStatus.PENDING, c.status());
    edit(c, Decision.REJECT);
    assertEquals(CommentStatus.REJECTED, c.status());
  }

  @Test
  void aCommentTheEngineRefusedIsJudgedAsANewOne() {
    Comment c = judged(Decision.REJECT);
    edit(c, Decision.APPROVE);
    assertEquals(CommentStatus.APPROVED, c.status());
  }

  @Test
  void aCommentAModeratorRejectedCannotBeEdited() {
    Comment c = judged(Decision.HOLD);
    c.decide(CommentStatus.REJECTED, 0, ADMIN, AT);
    assertThrows(EditNotAllowed.class, () -> edit(c, Decision.APPROVE));
    assertEquals("текст", c.body());
  }

  @Test
  void anEditedPickIsNoLongerAPick() {
    Comment c = judged(Decision.APPROVE);
    assertTrue(c.feature());
    assertFalse(c.feature());
    edit(c, Decision.APPROVE);
    assertFalse(c.featured());
  }

  @Test
  void onlyAPublishedCommentIsFeatured() {
    assertThrows(CommentNotFound.class, () -> judged(Decision.HOLD).feature());
    Comment c = judged(Decision.APPROVE);
    assertFalse(c.unfeature());
  }

  @Test
  void aDeletedCommentIsGoneForEveryone() {
    Comment c = judged(Decision.APPROVE);
    c.feature();
    assertEquals(CommentStatus.APPROVED, c.authorDeleted());
    assertTrue(c.isDeleted());
    assertFalse(c.isApproved());
    assertFalse(c.featured());
    assertThrows(CommentNotFound.class, c::authorDeleted);
    assertThrows(CommentNotFound.class, () -> edit(c, Decision.APPROVE));
    assertThrows(CommentNotFound.class, () -> c.decide(CommentStatus.APPROVED, 0, ADMIN, AT));
    assertThrows(CommentNotFound.class, c::feature);
  }
}
