package dev.commentmoderation.security.boundary;

import dev.commentmoderation.platform.web.ClientIdentity;
import dev.commentmoderation.platform.web.Throttle;
import dev.commentmoderation.security.control.ApiKeys;
import dev.commentmoderation.security.control.LoginThrottle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * HTTP Basic on every request that carries credentials; stateless (no session, no cookie, hence
 * nothing for a cross-site request to ride on). Requests without credentials go on anonymously, and
 * {@link RoleCheck} answers 401 or 403 with a problem document where a role is required. Wrong
 * credentials also go on anonymously, so a public endpoint never fails because of them. A CMS
 * authenticates with {@code X-Api-Key} instead. Failed logins are counted per username and per
 * client; past the limit, attempts are refused (429 from {@link RoleCheck}) without a check.
 */
@ApplicationScoped
public class BasicAuthentication implements HttpAuthenticationMechanism {

  public static final String API_KEY_HEADER = "X-Api-Key";

  @Inject IdentityStoreHandler identityStores;
  @Inject ApiKeys apiKeys;
  @Inject LoginThrottle throttle;
  @Inject ClientIdentity clients;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String apiKey = request.getHeader(API_KEY_HEADER);
    if (apiKey != null && !apiKey.isBlank()) return apiKey(apiKey.strip(), request, context);
    UsernamePasswordCredential credential = credential(request.getHeader("Authorization"));
    if (credential == null) return context.doNothing();
    String client = clients.hash(request);
    var wait = throttle.blocked(credential.getCaller(), client);
    if (wait.isPresent()) {
      // refused without checking the password, so guessing gains nothing while blocked
      request.setAttribute(RoleCheck.THROTTLED, Throttle.retryAfterSeconds(wait.get()));
      return context.doNothing();
    }
    CredentialValidationResult result = identityStores.validate(credential);
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      throttle.failed(credential.getCaller(), client);
      request.setAttribute(RoleCheck.BAD_CREDENTIALS, Boolean.TRUE);
      return context.doNothing();
    }
    return context.notifyContainerAboutLogin(result.getCallerPrincipal(), result.getCallerGroups());
  }

  /** A CMS's API key: the caller is "api-key:{name}" with the single role "cms". */
  private AuthenticationStatus apiKey(
      String key, HttpServletRequest request, HttpMessageContext context) {
    var name = key.length() > 200 ? java.util.Optional.<String>empty() : apiKeys.validate(key);
    if (name.isEmpty()) {
      request.setAttribute(RoleCheck.BAD_CREDENTIALS, Boolean.TRUE);
      return context.doNothing();
    }
    return context.notifyContainerAboutLogin(
        new CallerPrincipal(ApiKeys.PRINCIPAL_PREFIX + name.get()), Set.of(ApiKeys.ROLE));
  }

  static UsernamePasswordCredential credential(String header) {
    if (header == null || header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) return null;
    return new UsernamePasswordCredential(
        decoded.substring(0, colon), decoded.substring(colon + 1));
  }
}
