package dev.commentmoderation.platform.web;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * No API query parameter takes several values, and a repeated one ({@code ?limit=5&limit=500}) is
 * read differently by different proxies and frameworks (first, last, joined): refused with 400
 * rather than silently taking the first.
 */
@Provider
@PreMatching
public class SingleValuedParameters implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    for (var values : request.getUriInfo().getQueryParameters(false).values()) {
      if (values.size() > 1) throw new BadRequestException();
    }
  }
}
