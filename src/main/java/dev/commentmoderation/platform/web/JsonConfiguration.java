package dev.commentmoderation.platform.web;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * One JSON-B instance for the API: absent values are written as {@code null} (clients rely on the
 * contract's fields being present) and unknown request fields are refused rather than silently
 * dropped. Request bodies reach it through {@link StrictJsonReader}, which first refuses what
 * JSON-B would accept leniently (invalid UTF-8, trailing text, a number where a string is expected,
 * 1.5 for an int).
 */
@Provider
public class JsonConfiguration implements ContextResolver<Jsonb> {

  public static final Jsonb JSONB =
      JsonbBuilder.create(
          new JsonbConfig()
              .withNullValues(true)
              .setProperty("jsonb.fail-on-unknown-properties", true));

  @Override
  public Jsonb getContext(Class<?> type) {
    return JSONB;
  }
}
