package dev.commentmoderation.ui;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Headless Chromium driven through chromedriver's W3C WebDriver HTTP protocol: the few commands the
 * browser tests need (open, find, click, type, keys, script, screenshot), over the JDK's HTTP
 * client and JSON-P, so the tests need nothing beyond Debian's chromium and chromium-driver.
 */
final class Browser implements AutoCloseable {

  static final String DRIVER = System.getProperty("ui.chromedriver", "/usr/bin/chromedriver");
  static final String CHROMIUM = System.getProperty("ui.chromium", "/usr/bin/chromium");
  /** The W3C key of an element reference; chromedriver builds may answer with a key of their own. */
  private String elementKey = "element-6066-11e4-a5e6-4cf0e0af4d44";
  private static final Duration PATIENCE = Duration.ofSeconds(15);

  private final Process driver;
  private final URI session;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  static boolean available() {
    return Files.isExecutable(Path.of(DRIVER)) && Files.isExecutable(Path.of(CHROMIUM));
  }

  private Browser(Process driver, URI session) {
    this.driver = driver;
    this.session = session;
  }

  static Browser start(int width, int height) throws IOException, InterruptedException {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Process process =
        new ProcessBuilder(DRIVER, "--port=" + port)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    URI root = URI.create("http://127.0.0.1:" + port + "/");
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      try {
        var r = http.send(HttpRequest.newBuilder(root.resolve("status")).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && parse(r.body()).getJsonObject("value").getBoolean("ready", false)) break;
      } catch (IOException notYet) {
        // chromedriver is still starting
      }
      if (System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new IOException("chromedriver did not start");
      }
      Thread.sleep(100);
    }
    JsonArrayBuilder args = Json.createArrayBuilder();
    for (String a :
        List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", "--hide-scrollbars", "--lang=ru", "--window-size=" + width + "," + height)) {
      args.add(a);
    }
    JsonObject capabilities =
        Json.createObjectBuilder()
            .add("capabilities", Json.createObjectBuilder().add("alwaysMatch", Json.createObjectBuilder()
                .add("browserName", "chrome")
                .add("unhandledPromptBehavior", "ignore")
                .add("goog:chromeOptions", Json.createObjectBuilder().add("binary", CHROMIUM).add("args", args))))
            .build();
    var r =
        http.send(
            HttpRequest.newBuilder(root.resolve("session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(capabilities.toString()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    JsonObject value = parse(r.body()).getJsonObject("value");
    if (r.statusCode() != 200) {
      process.destroyForcibly();
      throw new IOException("no browser session: " + value);
    }
    return new Browser(process, root.resolve("session/" + value.getString("sessionId") + "/"));
  }

  private static JsonObject parse(String body) {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }

  /** A WebDriver error answer (no such element, stale element, unexpected alert, ...). */
  static final class WebDriverError extends RuntimeException {
    final String error;

    WebDriverError(String error, String message) {
      super(error + ": " + message);
      this.error = error;
    }
  }

  private JsonValue call(String method, String path, JsonObject body) {
    // the session itself is ".../session/{id}" without the trailing slash the commands hang off
    URI target = path.isEmpty() ? URI.create(session.toString().replaceAll("/$", "")) : session.resolve(path);
    HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(60));
    if (body == null) request.method(method, HttpRequest.BodyPublishers.noBody());
    else {
      request.header("Content-Type", "application/json; charset=utf-8");
      request.method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
    }
    try {
      var r = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      JsonValue value = parse(r.body()).get("value");
      if (r.statusCode() != 200) {
        JsonObject e = value.asJsonObject();
        throw new WebDriverError(e.getString("error", "unknown"), e.getString("message", ""));
      }
      return value;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonObject json(String name, String value) {
    return Json.createObjectBuilder().add(name, value).build();
  }

  // ---- navigation and page-wide commands

  void open(String url) {
    call("POST", "url", json("url", url));
  }

  El find(String css) {
    return element(call("POST", "element", locator(css)));
  }

  List<El> all(String css) {
    return elements(call("POST", "elements", locator(css)));
  }

  boolean exists(String css) {
    return !all(css).isEmpty();
  }

  El active() {
    return element(call("GET", "element/active", null));
  }

  /** Runs a script in the page; arguments may be strings, numbers, booleans or elements. */
  JsonValue script(String js, Object... args) {
    JsonArrayBuilder a = Json.createArrayBuilder();
    for (Object arg : args) {
      if (arg instanceof El el) a.add(Json.createObjectBuilder().add(elementKey, el.id));
      else if (arg instanceof Number n) a.add(n.doubleValue());
      else if (arg instanceof Boolean b) a.add(b);
      else a.add(String.valueOf(arg));
    }
    return call("POST", "execute/sync", Json.createObjectBuilder().add("script", js).add("args", a).build());
  }

  String scriptString(String js, Object... args) {
    JsonValue v = script(js, args);
    return v instanceof JsonString s ? s.getString() : v == JsonValue.NULL ? null : v.toString();
  }

  /** Types keys at whatever has focus, as a person would (key down, key up per character). */
  void keys(String text) {
    JsonArrayBuilder steps = Json.createArrayBuilder();
    text.codePoints().forEach(cp -> {
      String key = new String(Character.toChars(cp));
      steps.add(Json.createObjectBuilder().add("type", "keyDown").add("value", key));
      steps.add(Json.createObjectBuilder().add("type", "keyUp").add("value", key));
    });
    JsonObject actions =
        Json.createObjectBuilder()
            .add("actions", Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("type", "key").add("id", "keyboard").add("actions", steps)))
            .build();
    call("POST", "actions", actions);
    call("DELETE", "actions", null);
  }

  /** The text of an open alert, confirm or prompt, or null when there is none. */
  String alertText() {
    try {
      JsonValue v = call("GET", "alert/text", null);
      return v instanceof JsonString s ? s.getString() : String.valueOf(v);
    } catch (WebDriverError e) {
      if ("no such alert".equals(e.error)) return null;
      throw e;
    }
  }

  void dismissAlert() {
    call("POST", "alert/dismiss", Json.createObjectBuilder().build());
  }

  void screenshot(Path file) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, Base64.getDecoder().decode(((JsonString) call("GET", "screenshot", null)).getString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Polls until the condition holds; WebDriver errors while polling (stale elements) count as "not yet". */
  void waitFor(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (true) {
      try {
        if (condition.getAsBoolean()) return;
      } catch (WebDriverError notYet) {
        if ("unexpected alert open".equals(notYet.error)) throw notYet;
      }
      if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  @Override
  public void close() {
    try {
      call("DELETE", "", null); // quits the browser; chromedriver alone would leave it running
    } catch (RuntimeException ignored) {
      // the driver process goes anyway
    } finally {
      driver.destroy();
    }
  }

  // ---- elements

  private static JsonObject locator(String css) {
    return Json.createObjectBuilder().add("using", "css selector").add("value", css).build();
  }

  private El element(JsonValue v) {
    JsonObject ref = v.asJsonObject();
    if (!ref.containsKey(elementKey)) elementKey = ref.keySet().iterator().next();
    return new El(ref.getString(elementKey));
  }

  private List<El> elements(JsonValue v) {
    List<El> out = new ArrayList<>();
    for (JsonValue e : (JsonArray) v) out.add(element(e));
    return out;
  }

  final class El {
    final String id;

    El(String id) {
      this.id = id;
    }

    private String path(String command) {
      return "element/" + id + (command.isEmpty() ? "" : "/" + command);
    }

    El find(String css) {
      return element(call("POST", path("element"), locator(css)));
    }

    List<El> all(String css) {
      return elements(call("POST", path("elements"), locator(css)));
    }

    void click() {
      call("POST", path("click"), Json.createObjectBuilder().build());
    }

    void clear() {
      call("POST", path("clear"), Json.createObjectBuilder().build());
    }

    void type(String text) {
      call("POST", path("value"), json("text", text));
    }

    /** Rendered text, as a reader sees it. */
    String text() {
      return ((JsonString) call("GET", path("text"), null)).getString();
    }

    String attr(String name) {
      JsonValue v = call("GET", path("attribute/" + name), null);
      return v instanceof JsonString s ? s.getString() : null;
    }

    /** A DOM property, e.g. "value" of a textarea or "textContent". */
    String prop(String name) {
      JsonValue v = call("GET", path("property/" + name), null);
      return v instanceof JsonString s ? s.getString() : v == JsonValue.NULL ? null : v.toString();
    }

    boolean displayed() {
      return call("GET", path("displayed"), null) == JsonValue.TRUE;
    }

    void screenshot(Path file) {
      try {
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(((JsonString) call("GET", path("screenshot"), null)).getString()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
