package dev.commentmoderation.security.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * HTTP Basic on every request that carries credentials; stateless (no session, no cookie, hence
 * nothing for a cross-site request to ride on). Requests without credentials go on anonymously,
 * and {@link RoleCheck} answers 401 or 403 with a problem document where a role is required.
 * Wrong credentials also go on anonymously, so a public endpoint never fails because of them.
 */
@ApplicationScoped
public class BasicAuthentication implements HttpAuthenticationMechanism {

  @Inject IdentityStoreHandler identityStores;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    UsernamePasswordCredential credential = credential(request.getHeader("Authorization"));
    if (credential == null) return context.doNothing();
    CredentialValidationResult result = identityStores.validate(credential);
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      request.setAttribute(RoleCheck.BAD_CREDENTIALS, Boolean.TRUE);
      return context.doNothing();
    }
    return context.notifyContainerAboutLogin(result.getCallerPrincipal(), result.getCallerGroups());
  }

  static UsernamePasswordCredential credential(String header) {
    if (header == null || header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) return null;
    return new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1));
  }
}
