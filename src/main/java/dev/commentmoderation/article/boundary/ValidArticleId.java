package dev.commentmoderation.article.boundary;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The site's own key for an article: letters, digits and {@code . - _ :}, 1–128 characters. */
@NotNull(message = "{article.id.invalid}")
@Pattern(regexp = "[A-Za-z0-9._:-]{1,128}", message = "{article.id.invalid}")
@Constraint(validatedBy = {})
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({
  ElementType.PARAMETER,
  ElementType.FIELD,
  ElementType.RECORD_COMPONENT,
  ElementType.METHOD
})
public @interface ValidArticleId {
  String message() default "{article.id.invalid}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
