package dev.commentmoderation.comment.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.groups.Default;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NewCommentValidationTest {

  static Validator validator;

  @BeforeAll
  static void validator() {
    validator = Validation.buildDefaultValidatorFactory().getValidator();
  }

  /** As the resource checks an anonymous reader's comment. */
  static Set<String> invalidFields(NewComment c) {
    return validator.validate(c, Default.class, NewComment.Anonymous.class).stream()
        .map(ConstraintViolation::getPropertyPath)
        .map(Object::toString)
        .collect(Collectors.toSet());
  }

  @Test
  void anOrdinaryCommentIsValid() {
    assertEquals(
        Set.of(),
        invalidFields(new NewComment("Айбек", "aibek@example.kg", "Хорошая новость!", null, null)));
    assertEquals(
        Set.of(), invalidFields(new NewComment("Айбек", null, "две\nстроки\tс табом", "12", null)));
  }

  @Test
  void lengthsCountAfterTrimmingAndInCodePoints() {
    assertEquals(
        Set.of("authorName"), invalidFields(new NewComment("   ", null, "ok", null, null)));
    assertEquals(Set.of("body"), invalidFields(new NewComment("A", null, " \n\t ", null, null)));
    assertEquals(Set.of(), invalidFields(new NewComment("A".repeat(80), null, "ok", null, null)));
    assertEquals(
        Set.of("authorName"),
        invalidFields(new NewComment("A".repeat(81), null, "ok", null, null)));
    assertEquals(
        Set.of(),
        invalidFields(new NewComment("A", null, "  " + "я".repeat(5000) + "  ", null, null)));
    assertEquals(
        Set.of("body"), invalidFields(new NewComment("A", null, "я".repeat(5001), null, null)));
    String emoji = "\uD83D\uDE00"; // one code point, two UTF-16 units
    assertEquals(
        Set.of(), invalidFields(new NewComment("A", null, emoji.repeat(5000), null, null)));
  }

  @Test
  void aSignedInReaderNeedsNoNameButWhatIsSentIsStillChecked() {
    assertEquals(
        Set.of(), fields(validator.validate(new NewComment(null, null, "ok", null, null))));
    assertEquals(
        Set.of("authorName"),
        fields(validator.validate(new NewComment("A\nB", null, "ok", null, null))));
  }

  static Set<String> fields(Set<? extends ConstraintViolation<?>> violations) {
    return violations.stream()
        .map(ConstraintViolation::getPropertyPath)
        .map(Object::toString)
        .collect(Collectors.toSet());
  }

  @Test
  void requiredFieldsAndEmail() {
    assertEquals(
        Set.of("authorName", "body"), invalidFields(new NewComment(null, null, null, null, null)));
    assertEquals(
        Set.of("authorEmail"),
        invalidFields(new NewComment("A", "not an email", "ok", null, null)));
    assertEquals(
        Set.of("authorEmail"),
        invalidFields(new NewComment("A", "a@b.c" + "x".repeat(260), "ok", null, null)));
  }

  @Test
  void controlCharactersAndBrokenUnicodeAreRefused() {
    assertEquals(Set.of("body"), invalidFields(new NewComment("A", null, "a\u0000b", null, null)));
    assertEquals(
        Set.of("body"), invalidFields(new NewComment("A", null, "bell\u0007", null, null)));
    assertEquals(
        Set.of("body"), invalidFields(new NewComment("A", null, "lone \uD800 half", null, null)));
    assertEquals(
        Set.of("body"), invalidFields(new NewComment("A", null, "lone \uDC00 half", null, null)));
    assertEquals(
        Set.of("body"), invalidFields(new NewComment("A", null, "non\uFFFEchar", null, null)));
    assertEquals(
        Set.of("authorName"), invalidFields(new NewComment("A\nB", null, "ok", null, null)));
    assertEquals(
        Set.of("authorName"), invalidFields(new NewComment("A\tB", null, "ok", null, null)));
    assertTrue(
        invalidFields(
                new NewComment("A", null, "zero\u200Bwidth is a format char, kept", null, null))
            .isEmpty());
  }

  @Test
  void askingForRepliesNeedsAnEmail() {
    assertEquals(
        Set.of("notifyReplies"), invalidFields(new NewComment("A", null, "ok", null, true)));
    assertEquals(Set.of(), invalidFields(new NewComment("A", "a@example.kg", "ok", null, true)));
    assertEquals(Set.of(), invalidFields(new NewComment("A", null, "ok", null, false)));
  }

  @Test
  void theFlagIsReadFromJson() throws Exception {
    try (var jsonb = jakarta.json.bind.JsonbBuilder.create()) {
      var read =
          jsonb.fromJson(
              "{\"authorName\":\"A\",\"body\":\"ok\",\"notifyReplies\":true}", NewComment.class);
      assertEquals(Boolean.TRUE, read.notifyReplies());
      assertEquals(
          null,
          jsonb
              .fromJson("{\"authorName\":\"A\",\"body\":\"ok\"}", NewComment.class)
              .notifyReplies());
    }
  }
}
