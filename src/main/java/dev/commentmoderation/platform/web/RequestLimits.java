package dev.commentmoderation.platform.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses request bodies over the configured size with 413, whether the client declares the length
 * or streams the body. A declared length is refused here; a streamed body when reading passes the
 * bound, which {@link StrictJsonReader} does for the whole body before it parses any of it (a
 * parser reading as it goes would stop at the first syntax error and answer 400 instead).
 */
@Provider
@PreMatching
public class RequestLimits implements ContainerRequestFilter {

  @Inject
  @ConfigProperty(name = "comments.request.max.bytes", defaultValue = "65536")
  long maxBytes;

  /**
   * An import's body is a whole export file (several GB for a big Disqus site), read as a stream.
   */
  @Inject
  @ConfigProperty(name = "comments.import.max.bytes", defaultValue = "21474836480")
  long importMaxBytes;

  /** The one path whose body is a file, not a JSON request. */
  static final String IMPORTS = "moderation/imports";

  @Override
  public void filter(ContainerRequestContext request) {
    long maxBytes = isImport(request) ? importMaxBytes : this.maxBytes;
    long declared = request.getLength();
    if (declared > maxBytes) {
      throw tooLarge();
    }
    if (request.hasEntity()) {
      request.setEntityStream(new Bounded(request.getEntityStream(), maxBytes));
    }
  }

  private static boolean isImport(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    return "POST".equals(request.getMethod())
        && (path.equals(IMPORTS) || path.equals("/" + IMPORTS));
  }

  static WebApplicationException tooLarge() {
    return new WebApplicationException(Response.Status.REQUEST_ENTITY_TOO_LARGE);
  }

  private static final class Bounded extends FilterInputStream {
    private final long limit;
    private long read;

    Bounded(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) count(1);
      return b;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
      int n = super.read(buffer, off, len);
      if (n > 0) count(n);
      return n;
    }

    private void count(int n) {
      read += n;
      if (read > limit) throw tooLarge();
    }
  }
}
