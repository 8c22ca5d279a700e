package dev.commentmoderation.it;

import static dev.commentmoderation.it.Api.admin;
import static dev.commentmoderation.it.Api.basic;
import static dev.commentmoderation.it.Api.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who may do what on the moderation API, from outside: every endpoint (found by reflection over the
 * resource classes, so a new one cannot slip through) answers 401 without credentials and 403 with
 * a principal of a kind it does not admit; accounts, API keys and the login throttle.
 */
@ExtendWith(SharedService.class)
class ModerationAccessIT {

  /** The kinds of principal there are: moderator and admin accounts, and CMS API keys ("cms"). */
  static final Set<String> PRINCIPAL_KINDS = Set.of("moderator", "admin", "cms");

  Api api;

  @BeforeEach
  void client() {
    api = SharedService.api();
  }

  record Endpoint(String method, String path, Set<String> roles) {
    String concretePath() {
      return "/api/" + path.replaceAll("\\{[^}]+}", "x1");
    }

    @Override
    public String toString() {
      return method + " /api/" + path + " " + roles;
    }
  }

  /** The moderation endpoints marked {@code @PermitAll}, found by the scan. */
  static final Set<String> PUBLIC = new java.util.TreeSet<>();

  /**
   * Every resource method of the service whose path starts with moderation/, with its roles; the
   * ones marked {@code @PermitAll} go to {@link #PUBLIC} instead.
   */
  static List<Endpoint> moderationEndpoints() throws IOException, URISyntaxException {
    java.nio.file.Path classes =
        java.nio.file.Path.of(
            dev.commentmoderation.platform.web.RestApplication.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
    var found = new TreeMap<String, Endpoint>();
    try (Stream<java.nio.file.Path> files = Files.walk(classes.resolve("dev/commentmoderation"))) {
      for (var file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name =
            classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
        Class<?> type;
        try {
          type = Class.forName(name, false, ModerationAccessIT.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
          continue;
        }
        Path classPath = type.getAnnotation(Path.class);
        if (classPath == null) continue;
        for (Method m : type.getMethods()) {
          String http = httpMethod(m);
          if (http == null) continue;
          Path methodPath = m.getAnnotation(Path.class);
          String path = join(classPath.value(), methodPath == null ? "" : methodPath.value());
          if (!path.startsWith("moderation")) continue;
          if (m.isAnnotationPresent(jakarta.annotation.security.PermitAll.class)) {
            PUBLIC.add(http + " " + path);
            continue;
          }
          RolesAllowed roles =
              m.isAnnotationPresent(RolesAllowed.class)
                  ? m.getAnnotation(RolesAllowed.class)
                  : type.getAnnotation(RolesAllowed.class);
          if (roles == null)
            fail(http + " /api/" + path + " (" + type.getName() + ") has no @RolesAllowed");
          found.putIfAbsent(http + " " + path, new Endpoint(http, path, Set.of(roles.value())));
        }
      }
    }
    return new ArrayList<>(found.values());
  }

  private static String httpMethod(Method m) {
    for (Annotation a : m.getAnnotations()) {
      HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
      if (http != null) return http.value();
    }
    return null;
  }

  private static String join(String a, String b) {
    String left = a.replaceAll("^/+|/+$", "");
    String right = b.replaceAll("^/+|/+$", "");
    return right.isEmpty() ? left : left + "/" + right;
  }

  private String[] newModerator() {
    String name = "mod-" + Long.toString(System.nanoTime(), 36);
    var created =
        api.post(
            "/api/moderation/accounts",
            "{\"username\":"
                + q(name)
                + ",\"password\":\"moderator-secret-1\",\"role\":\"moderator\"}",
            admin());
    assertEquals(201, created.status(), created::toString);
    return basic(name, "moderator-secret-1");
  }

  private String[] newApiKey() {
    var created = api.post("/api/moderation/api-keys", "{\"name\":\"cms-it\"}", admin());
    assertEquals(201, created.status(), created::toString);
    return new String[] {"X-Api-Key", created.json().getString("key")};
  }

  @Test
  void everyModerationEndpointAnswers401WithoutCredentialsAnd403ForAKindOfPrincipalItDoesNotAdmit()
      throws Exception {
    List<Endpoint> endpoints = moderationEndpoints();
    var names = endpoints.stream().map(e -> e.method() + " " + e.path()).toList();
    for (String known :
        List.of(
            "GET moderation/queue",
            "POST moderation/decisions",
            "GET moderation/stream",
            "PUT moderation/rules",
            "POST moderation/sanctions",
            "GET moderation/audit",
            "PUT moderation/accounts/{username}",
            "POST moderation/comments/{id}/reports/dismiss",
            "PUT moderation/articles/{articleId}")) {
      assertTrue(names.contains(known), "the scan must find " + known + " among " + names);
    }
    assertEquals(
        Set.of("POST moderation/session", "GET moderation/session", "DELETE moderation/session"),
        PUBLIC,
        "only signing in and the caller's own session are open without a role");
    String[] moderator = newModerator();
    String[] apiKey = newApiKey();
    List<String> failures = new ArrayList<>();
    for (Endpoint e : endpoints) {
      String body = e.method().equals("GET") || e.method().equals("DELETE") ? null : "{}";
      var anonymous = api.request(e.method(), e.concretePath(), body);
      if (anonymous.status() != 401
          || !anonymous.header("Content-Type").startsWith("application/problem+json")) {
        failures.add(e + " anonymous: " + anonymous.status());
      }
      String[] wrong;
      if (!e.roles().contains("moderator")) {
        wrong = moderator;
      } else if (!e.roles().contains("cms")) {
        wrong = apiKey;
      } else {
        failures.add(
            e + " admits every kind of principal " + PRINCIPAL_KINDS + "; a 403 cannot be shown");
        continue;
      }
      var forbidden = api.request(e.method(), e.concretePath(), body, wrong);
      if (forbidden.status() != 403)
        failures.add(e + " wrong role: " + forbidden.status() + " " + forbidden.body());
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
    assertTrue(endpoints.size() >= 25, "found " + endpoints);
  }

  @Test
  void theOpenApiDocumentDescribesTheModerationEndpoints() {
    var doc = api.get("/openapi");
    assertEquals(200, doc.status(), doc::toString);
    for (String path :
        List.of(
            "/api/moderation/decisions",
            "/api/moderation/sanctions",
            "/api/moderation/rules/backtest",
            "/api/moderation/stream",
            "/api/comments/{id}/flags",
            "/api/moderation/articles/{articleId}")) {
      assertTrue(doc.body().contains(path), path);
    }
  }

  @Test
  void adminsManageAccountsWithoutPasswordsEverComingBack() {
    String[] moderator = newModerator();
    String username =
        new String(java.util.Base64.getDecoder().decode(moderator[1].substring(6))).split(":")[0];
    assertEquals(200, api.get("/api/moderation/queue", moderator).status());
    assertEquals(
        403,
        api.get("/api/moderation/accounts", moderator).status(),
        "moderators do not manage accounts");

    var list = api.get("/api/moderation/accounts", admin());
    assertEquals(200, list.status());
    assertTrue(list.body().contains(username));
    assertFalse(list.body().toLowerCase().contains("password"), list::toString);

    var duplicate =
        api.post(
            "/api/moderation/accounts",
            "{\"username\":" + q(username) + ",\"password\":\"another-secret-1\"}",
            admin());
    assertEquals(409, duplicate.status());
    assertEquals(
        400,
        api.post(
                "/api/moderation/accounts",
                "{\"username\":\"x y\",\"password\":\"short\"}",
                admin())
            .status());

    var disabled = api.put("/api/moderation/accounts/" + username, "{\"enabled\":false}", admin());
    assertEquals(200, disabled.status(), disabled::toString);
    assertFalse(disabled.json().getBoolean("enabled"));
    assertEquals(
        401,
        api.get("/api/moderation/queue", moderator).status(),
        "a disabled account is out at once");

    var repassword =
        api.put(
            "/api/moderation/accounts/" + username,
            "{\"enabled\":true,\"password\":\"brand-new-secret-2\"}",
            admin());
    assertEquals(200, repassword.status(), repassword::toString);
    assertEquals(
        401,
        api.get("/api/moderation/queue", moderator).status(),
        "the old password no longer works");
    assertEquals(
        200, api.get("/api/moderation/queue", basic(username, "brand-new-secret-2")).status());

    var promoted = api.put("/api/moderation/accounts/" + username, "{\"role\":\"admin\"}", admin());
    assertEquals("admin", promoted.json().getString("role"));
    assertEquals(
        200, api.get("/api/moderation/accounts", basic(username, "brand-new-secret-2")).status());
    assertEquals(
        404,
        api.put(
                "/api/moderation/accounts/nobody-" + System.nanoTime(),
                "{\"enabled\":false}",
                admin())
            .status());

    var audit =
        api.get("/api/moderation/audit?subject=account:" + username, admin())
            .json()
            .getJsonArray("items");
    assertTrue(audit.size() >= 4, audit::toString);
    assertFalse(audit.toString().contains("secret"), audit::toString);

    // the audit is read-only through the API, even for an admin
    assertEquals(405, api.post("/api/moderation/audit", "{}", admin()).status());
    assertEquals(405, api.put("/api/moderation/audit", "{}", admin()).status());
    assertEquals(405, api.delete("/api/moderation/audit", admin()).status());
  }

  @Test
  void apiKeysReachArticleSettingsOnlyAndStopWhenRevoked() {
    var created = api.post("/api/moderation/api-keys", "{\"name\":\"newsroom-cms\"}", admin());
    assertEquals(201, created.status(), created::toString);
    String key = created.json().getString("key");
    String id = created.json().getString("id");
    String[] cms = {"X-Api-Key", key};
    String article = Api.freshArticle("cms");

    var settings = api.get("/api/moderation/articles/" + article, cms);
    assertEquals(200, settings.status(), settings::toString);
    assertTrue(settings.json().getBoolean("commentsOpen"));
    var closed =
        api.put(
            "/api/moderation/articles/" + article,
            "{\"commentsOpen\":false,\"premoderated\":false,\"reportThreshold\":2}",
            cms);
    assertEquals(200, closed.status(), closed::toString);
    assertEquals(2, closed.json().getInt("reportThreshold"));
    assertEquals(
        403,
        api.post("/api/articles/" + article + "/comments", Api.comment("Айбек", "Привет"))
            .status());
    assertEquals(
        400,
        api.put("/api/moderation/articles/" + article, "{\"commentsOpen\":true}", cms).status());
    assertEquals(
        200,
        api.put(
                "/api/moderation/articles/" + article,
                "{\"commentsOpen\":true,\"premoderated\":true,\"reportThreshold\":null}",
                admin())
            .status());
    var held =
        api.post("/api/articles/" + article + "/comments", Api.comment("Айбек", "Хорошая статья"));
    assertEquals(
        "PENDING", held.json().getString("status"), "premoderated article holds every comment");

    assertEquals(403, api.get("/api/moderation/queue", cms).status());
    var list = api.get("/api/moderation/api-keys", admin());
    assertFalse(list.body().contains(key), "the key is shown once only");
    assertTrue(list.body().contains("newsroom-cms"));

    var articles = api.get("/api/moderation/articles", admin());
    assertEquals(200, articles.status(), articles::toString);
    assertTrue(articles.body().contains(article));

    assertEquals(200, api.delete("/api/moderation/api-keys/" + id, admin()).status());
    assertEquals(
        401,
        api.get("/api/moderation/articles/" + article, cms).status(),
        "a revoked key is refused");
  }

  @Test
  void repeatedFailedLoginsAreRefusedFor429WithRetryAfter() {
    String[] wrong = basic("ghost-" + System.nanoTime(), "not-the-password");
    int refusedFirstAt = -1;
    Api.Reply throttled = null;
    for (int i = 1; i <= 12 && throttled == null; i++) {
      var r = api.get("/api/moderation/queue", wrong);
      if (r.status() == 429) {
        throttled = r;
        refusedFirstAt = i;
      } else {
        assertEquals(401, r.status(), r::toString);
      }
    }
    assertNotNull(throttled, "a client that keeps guessing is locked");
    assertTrue(refusedFirstAt > 5, "five free failures first: " + refusedFirstAt);
    assertNotNull(throttled.header("Retry-After"));
    assertTrue(Integer.parseInt(throttled.header("Retry-After")) > 0);
    assertEquals(
        200, api.get("/api/moderation/queue", admin()).status(), "other users are not affected");
    assertTrue(
        Arrays.asList(throttled.header("Content-Type"))
            .get(0)
            .startsWith("application/problem+json"));
  }
}
