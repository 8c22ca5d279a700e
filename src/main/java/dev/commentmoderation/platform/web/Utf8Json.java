package dev.commentmoderation.platform.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * JSON answers say their charset, as the contract promises: {@code application/json;
 * charset=UTF-8}.
 */
@Provider
public class Utf8Json implements ContainerResponseFilter {

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    MediaType type = response.getMediaType();
    if (type != null
        && type.getParameters().get(MediaType.CHARSET_PARAMETER) == null
        && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"))) {
      response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, type.withCharset("UTF-8"));
    }
  }
}
