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
 * Length in characters (code points) after leading and trailing white space is removed, so that a
 * body of spaces is empty and an emoji counts once. Null is valid: pair with {@code @NotNull}.
 */
@Constraint(validatedBy = TrimmedLength.Validator.class)
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({
  ElementType.FIELD,
  ElementType.RECORD_COMPONENT,
  ElementType.PARAMETER,
  ElementType.METHOD
})
public @interface TrimmedLength {
  int min() default 1;

  int max();

  String message() default "{text.length}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<TrimmedLength, String> {
    private int min;
    private int max;

    @Override
    public void initialize(TrimmedLength annotation) {
      min = annotation.min();
      max = annotation.max();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null) return true;
      String trimmed = value.strip();
      int length = trimmed.codePointCount(0, trimmed.length());
      return length >= min && length <= max;
    }
  }
}
