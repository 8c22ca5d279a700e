package dev.commentmoderation.platform.web;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts an endpoint behind a per-client token bucket named {@code value}; its size comes from {@code
 * comments.rate.<value>.per.minute} and {@code comments.rate.<value>.burst}.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RateLimited {
  String value();
}
