package dev.commentmoderation.platform.web;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * One JSON-B instance for the API: absent values are written as {@code null} (clients rely on the
 * contract's fields being present) and unknown request fields are refused rather than silently
 * dropped.
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
