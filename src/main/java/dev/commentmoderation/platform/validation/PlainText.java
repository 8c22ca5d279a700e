package dev.commentmoderation.platform.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text a person could have typed: no control characters (newlines and tabs allowed where {@code
 * multiline}), no NUL, no unpaired surrogate halves, no non-characters. Such input is refused, not
 * cleaned, so that what is stored is exactly what was judged.
 */
@Constraint(validatedBy = PlainText.Validator.class)
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({
  ElementType.FIELD,
  ElementType.RECORD_COMPONENT,
  ElementType.PARAMETER,
  ElementType.METHOD
})
public @interface PlainText {
  boolean multiline() default false;

  String message() default "{text.control}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<PlainText, String> {
    private boolean multiline;

    @Override
    public void initialize(PlainText annotation) {
      multiline = annotation.multiline();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || isPlain(value, multiline);
    }

    public static boolean isPlain(String value, boolean multiline) {
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c)) {
          if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1)))
            return false;
          int cp = Character.toCodePoint(c, value.charAt(++i));
          if ((cp & 0xFFFE) == 0xFFFE) return false;
          continue;
        }
        if (Character.isLowSurrogate(c)) return false;
        if (c == '\n' || c == '\r' || c == '\t') {
          if (!multiline) return false;
          continue;
        }
        if (Character.getType(c) == Character.CONTROL) return false;
        if (c == '\uFFFE' || c == '\uFFFF' || (c >= '\uFDD0' && c <= '\uFDEF')) return false;
      }
      return true;
    }
  }
}
