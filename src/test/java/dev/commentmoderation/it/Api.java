package dev.commentmoderation.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * A thin HTTP client for black-box tests: sends what a real client sends, parses what comes back.
 */
public final class Api {

  private static final System.Logger LOG = System.getLogger("dev.commentmoderation.it");

  /** What a reliability test reports for the record (rounds, seeds, latencies), through the log. */
  public static void report(String format, Object... args) {
    LOG.log(System.Logger.Level.INFO, () -> String.format(format, args).stripTrailing());
  }

  public static final String ADMIN = System.getProperty("it.admin.user", "admin");
  public static final String ADMIN_PASSWORD =
      System.getProperty("it.admin.password", "it-admin-secret");

  private final URI base;

  /**
   * The client this Api plays: the service trusts X-Forwarded-For from loopback in the tests, so
   * every Api instance is a distinct reader (a documentation-range address in a /64 of its own,
   * since an IPv6 client is one client per /64) with its own buckets.
   */
  private final String clientAddress =
      "2001:db8:"
          + Integer.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 0xffff))
          + ":"
          + Integer.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 0xffff))
          + "::1"; // IPv6 clients count per /64, so each Api varies the first 64 bits

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  /**
   * Talks to the service over loopback whatever host name the container reports, so that the
   * service sees a trusted proxy and believes this client's X-Forwarded-For.
   */
  public Api(URL base) {
    String path = base.getPath().endsWith("/") ? base.getPath() : base.getPath() + "/";
    this.base = URI.create(base.getProtocol() + "://127.0.0.1:" + base.getPort() + path);
  }

  /**
   * The same service reached over the loopback interface, whose address the tests' configuration
   * trusts as a proxy: requests can then speak for several readers with {@code X-Forwarded-For}.
   */
  public static URL loopback(URL base) {
    try {
      return new URL(base.getProtocol(), "127.0.0.1", base.getPort(), base.getFile());
    } catch (java.net.MalformedURLException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** The service's base URL (loopback). */
  public URL base() {
    try {
      return base.toURL();
    } catch (java.net.MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  public URI uri(String path) {
    return base.resolve(path.startsWith("/") ? path.substring(1) : path);
  }

  public record Reply(int status, Map<String, java.util.List<String>> headers, String body) {
    public JsonObject json() {
      try (JsonReader reader = Json.createReader(new StringReader(body))) {
        JsonStructure s = reader.read();
        return s.asJsonObject();
      }
    }

    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .findFirst()
          .map(e -> e.getValue().get(0))
          .orElse(null);
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  public Reply get(String path, String... headers) {
    return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
  }

  public Reply post(String path, String json, String... headers) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)),
        headers);
  }

  public Reply put(String path, String json, String... headers) {
    return putRaw(path, "application/json", json, headers);
  }

  public Reply putRaw(String path, String contentType, String body, String... headers) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", contentType)
            .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)),
        headers);
  }

  public Reply delete(String path, String... headers) {
    return send(HttpRequest.newBuilder(uri(path)).DELETE(), headers);
  }

  /** A request with a method and an optional JSON body, for table-driven checks. */
  public Reply request(String method, String path, String json, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path));
    if (json == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    return send(b, headers);
  }

  public Reply postRaw(String path, String contentType, byte[] body, String... headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) b.header("Content-Type", contentType);
    return send(b, headers);
  }

  public Reply send(HttpRequest.Builder request, String... headers) {
    boolean forwarded = false;
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
      forwarded |= headers[i].equalsIgnoreCase("X-Forwarded-For");
    }
    if (!forwarded) request.header("X-Forwarded-For", clientAddress);
    try {
      HttpResponse<String> r =
          http.send(
              request.timeout(Duration.ofSeconds(60)).build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Reply(r.statusCode(), r.headers().map(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static String[] basic(String user, String password) {
    return new String[] {
      "Authorization",
      "Basic "
          + Base64.getEncoder()
              .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))
    };
  }

  /**
   * Approves a comment of the moderation queue at the version the queue shows (as the admin),
   * asserting each step.
   */
  public void approveQueued(String article, String id) {
    var queue = get("/api/moderation/queue?articleId=" + article + "&limit=100", admin());
    if (queue.status() != 200) throw new AssertionError("queue: " + queue);
    int version =
        queue.json().getJsonArray("items").stream()
            .map(JsonObject.class::cast)
            .filter(o -> o.getString("id").equals(id))
            .findFirst()
            .orElseThrow(() -> new AssertionError(id + " not in " + queue))
            .getInt("version");
    var approved =
        post(
            "/api/moderation/comments/" + id + "/approve",
            "{\"version\":" + version + "}",
            admin());
    if (approved.status() != 200) throw new AssertionError("approve: " + approved);
  }

  public static String[] admin() {
    return basic(ADMIN, ADMIN_PASSWORD);
  }

  /** Headers that make the request come from another reader (trusted proxy in the tests). */
  public static String[] from(String address, String... more) {
    String[] all = new String[more.length + 2];
    all[0] = "X-Forwarded-For";
    all[1] = address;
    System.arraycopy(more, 0, all, 2, more.length);
    return all;
  }

  /** A JSON string literal. */
  public static String q(String s) {
    return Json.createValue(s).toString();
  }

  public static String comment(String author, String body) {
    return "{\"authorName\":" + q(author) + ",\"body\":" + q(body) + "}";
  }

  public static String reply(String author, String body, String parentId) {
    return "{\"authorName\":"
        + q(author)
        + ",\"body\":"
        + q(body)
        + ",\"parentId\":"
        + q(parentId)
        + "}";
  }

  /** An article id no other test uses. */
  public static String freshArticle(String prefix) {
    return prefix + "-" + Long.toString(System.nanoTime(), 36);
  }
}
