package dev.commentmoderation.data.boundary;

import dev.commentmoderation.data.control.Readers;
import dev.commentmoderation.data.control.Readers.Reader;
import dev.commentmoderation.data.control.Retention;
import dev.commentmoderation.data.entity.ReaderData;
import dev.commentmoderation.data.entity.ReaderData.Erased;
import dev.commentmoderation.platform.web.InvalidParameter;
import dev.commentmoderation.security.boundary.Acting;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.regex.Pattern;

/**
 * A reader's request about their data (GDPR and Kyrgyz personal-data law alike), made by an admin
 * for them: what is stored, and its erasure. Both are audited without the e-mail.
 */
@Path("moderation")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@RolesAllowed("admin")
public class ReadersResource {

  private static final Pattern EMAIL = Pattern.compile("[^\\s@]{1,64}@[^\\s@]{1,189}");
  private static final Pattern READER_ID = Pattern.compile("[\\p{L}\\p{N}._:@|+-]{1,200}");

  @Inject Readers readers;
  @Inject Retention retention;
  @Context SecurityContext security;

  public record ErasureRequest(String email, String readerId) {}

  public record Cleared(long comments) {}

  @GET
  @Path("readers/data")
  public ReaderData data(@QueryParam("email") String email, @QueryParam("readerId") String id) {
    return readers.data(reader(email, id), Acting.moderator(security).name());
  }

  @POST
  @Path("readers/erase")
  public Erased erase(@NotNull(message = "{comment.required}") ErasureRequest request) {
    return readers.erase(
        reader(request.email(), request.readerId()), Acting.moderator(security).name());
  }

  /** Runs the retention job now (it also runs every hour); answers how many comments it cleared. */
  @POST
  @Path("retention")
  public Cleared retention() {
    return new Cleared(retention.run());
  }

  private static Reader reader(String email, String readerId) {
    boolean hasEmail = email != null && !email.isBlank();
    boolean hasId = readerId != null && !readerId.isBlank();
    if (!hasEmail && !hasId) throw new InvalidParameter("email", "reader.required");
    if (hasEmail && !EMAIL.matcher(email.strip()).matches())
      throw new InvalidParameter("email", "email.invalid");
    if (hasId && !READER_ID.matcher(readerId.strip()).matches())
      throw new InvalidParameter("readerId", "param.id");
    return new Reader(hasEmail ? email : null, hasId ? readerId : null);
  }
}
