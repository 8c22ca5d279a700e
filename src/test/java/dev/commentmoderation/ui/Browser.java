package dev.commentmoderation.ui;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.UnhandledAlertException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium through Selenium WebDriver and Debian's chromedriver, with the few
 * commands the browser tests need (open, find, click, type, keys, script, screenshot). Script
 * results come back as JSON-P values so assertions read the same as on the API.
 */
final class Browser implements AutoCloseable {

  static final String DRIVER = System.getProperty("ui.chromedriver", "/usr/bin/chromedriver");
  static final String CHROMIUM = System.getProperty("ui.chromium", "/usr/bin/chromium");
  private static final Duration PATIENCE = Duration.ofSeconds(40);

  private final ChromeDriver driver;

  static boolean available() {
    return Files.isExecutable(Path.of(DRIVER)) && Files.isExecutable(Path.of(CHROMIUM));
  }

  /**
   * Whether the browser tests run: when a browser is here, and always under {@code CI=true}, where
   * a missing browser is a failure (CI installs it), not a reason to skip.
   */
  static boolean availableOrRequired() {
    if (available() || "true".equalsIgnoreCase(System.getenv("CI"))) return true;
    // said in the build's output, not only in the test report, so nobody takes a skip for a pass
    Logger.getLogger(Browser.class.getName())
        .warning(
            "BrowserIT skipped: no "
                + CHROMIUM
                + " or "
                + DRIVER
                + ". To run the browser tests: apt-get install chromium chromium-driver"
                + " (as .ci/run does), then mvn -B verify.");
    return false;
  }

  private Browser(ChromeDriver driver) {
    this.driver = driver;
  }

  static Browser start(int width, int height) throws IOException {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
        "--lang=ru",
        "--user-data-dir=" + Files.createTempDirectory("chromium-profile"),
        "--window-size=" + width + "," + height);
    // --lang alone leaves a headless browser's navigator.languages at en-US; the dashboard picks
    // its language from them, and these tests are a Russian moderator's browser unless they say so
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "ru-RU,ru"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of(DRIVER).toFile())
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(width, height));
    return new Browser(driver);
  }

  void open(String url) {
    driver.get(url);
  }

  /** Forgets every cookie of the current page's site (a browser that never signed in). */
  void deleteCookies() {
    driver.manage().deleteAllCookies();
  }

  /** A cookie's value as the browser holds it (HttpOnly ones too), or null. */
  String cookie(String name) {
    var c = driver.manage().getCookieNamed(name);
    return c == null ? null : c.getValue();
  }

  /** The attributes the browser recorded for a cookie, or null. */
  org.openqa.selenium.Cookie cookieDetails(String name) {
    return driver.manage().getCookieNamed(name);
  }

  El find(String css) {
    return new El(driver.findElement(By.cssSelector(css)));
  }

  List<El> all(String css) {
    return driver.findElements(By.cssSelector(css)).stream().map(El::new).toList();
  }

  boolean exists(String css) {
    return !driver.findElements(By.cssSelector(css)).isEmpty();
  }

  El active() {
    return new El(driver.switchTo().activeElement());
  }

  /** Runs a script in the page; arguments may be strings, numbers, booleans or elements. */
  JsonValue script(String js, Object... args) {
    Object[] plain = new Object[args.length];
    for (int i = 0; i < args.length; i++)
      plain[i] = args[i] instanceof El el ? el.element : args[i];
    return json(((JavascriptExecutor) driver).executeScript(js, plain));
  }

  String scriptString(String js, Object... args) {
    Object v = ((JavascriptExecutor) driver).executeScript(js, args);
    return v == null ? null : v.toString();
  }

  /** Types keys at whatever has focus, as a person would (key down, key up per character). */
  void keys(String text) {
    new Actions(driver).sendKeys(text).perform();
  }

  /** The text of an open alert, confirm or prompt, or null when there is none. */
  String alertText() {
    try {
      return driver.switchTo().alert().getText();
    } catch (NoAlertPresentException e) {
      return null;
    }
  }

  void dismissAlert() {
    driver.switchTo().alert().dismiss();
  }

  void screenshot(Path file) {
    write(file, driver.getScreenshotAs(OutputType.BYTES));
  }

  /** Polls until the condition holds; stale elements while polling count as "not yet". */
  void waitFor(String what, BooleanSupplier condition) {
    try {
      new WebDriverWait(driver, PATIENCE, Duration.ofMillis(100))
          .ignoring(WebDriverException.class)
          .until(
              d -> {
                try {
                  return condition.getAsBoolean();
                } catch (UnhandledAlertException alert) {
                  throw new AssertionError(
                      "an alert opened while waiting for " + what + ": " + alert.getAlertText());
                }
              });
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError("timed out waiting for " + what);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }

  private static void write(Path file, byte[] png) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What WebDriver returns from a script, as JSON-P. */
  private static JsonValue json(Object v) {
    if (v == null) return JsonValue.NULL;
    if (v instanceof Boolean b) return b ? JsonValue.TRUE : JsonValue.FALSE;
    if (v instanceof Long l) return Json.createValue(l);
    if (v instanceof Number n) return Json.createValue(n.doubleValue());
    if (v instanceof String s) return Json.createValue(s);
    if (v instanceof List<?> list) {
      JsonArrayBuilder a = Json.createArrayBuilder();
      list.forEach(e -> a.add(json(e)));
      return a.build();
    }
    if (v instanceof Map<?, ?> map) {
      JsonObjectBuilder o = Json.createObjectBuilder();
      map.forEach((k, e) -> o.add(String.valueOf(k), json(e)));
      return o.build();
    }
    return Json.createValue(String.valueOf(v));
  }

  final class El {
    final WebElement element;

    El(WebElement element) {
      this.element = element;
    }

    El find(String css) {
      return new El(element.findElement(By.cssSelector(css)));
    }

    List<El> all(String css) {
      return element.findElements(By.cssSelector(css)).stream().map(El::new).toList();
    }

    void click() {
      element.click();
    }

    void clear() {
      element.clear();
    }

    void type(String text) {
      element.sendKeys(text);
    }

    /** Rendered text, as a reader sees it. */
    String text() {
      return element.getText();
    }

    String attr(String name) {
      return element.getAttribute(name);
    }

    /** A DOM property, e.g. "value" of a textarea or "textContent". */
    String prop(String name) {
      return element.getDomProperty(name);
    }

    boolean displayed() {
      return element.isDisplayed();
    }

    void screenshot(Path file) {
      write(file, ((TakesScreenshot) element).getScreenshotAs(OutputType.BYTES));
    }
  }
}
