package dev.commentmoderation.classifier.control;

import dev.commentmoderation.classifier.control.ClassifierAnswers.NotAnAnswer;
import dev.commentmoderation.classifier.control.ClassifierMetrics.Failure;
import dev.commentmoderation.comment.control.ExternalClassifier;
import dev.commentmoderation.platform.resilience.CircuitBreaker;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The external classifier over HTTP: POSTs the comment as JSON to {@code COMMENTS_CLASSIFIER_URL}
 * and reads the scores back (see {@link ClassifierAnswers}). The request thread waits for the whole
 * exchange (connect, send, answer, body) at most {@code COMMENTS_CLASSIFIER_TIMEOUT_MS}: the call
 * runs asynchronously on the HTTP client's own threads and is abandoned, and cancelled, when the
 * budget is spent. A {@link CircuitBreaker} stops calling a classifier that keeps failing and tries
 * again after a cool-down. Whatever happens, the answer is "nothing found" rather than an error.
 */
@ApplicationScoped
public class ClassifierClient implements ExternalClassifier {

  private static final Logger LOG = Logger.getLogger(ClassifierClient.class.getName());

  /** The longest answer read; a classifier has no reason to say more about one comment. */
  static final int MAX_ANSWER_BYTES = 64 * 1024;

  @Inject
  @ConfigProperty(name = "comments.classifier.url")
  Optional<String> url;

  @Inject
  @ConfigProperty(name = "comments.classifier.timeout.ms", defaultValue = "300")
  long timeoutMs;

  @Inject
  @ConfigProperty(name = "comments.classifier.threshold", defaultValue = "0.8")
  double threshold;

  @Inject
  @ConfigProperty(name = "comments.classifier.secret")
  Optional<String> secret;

  @Inject
  @ConfigProperty(name = "comments.classifier.breaker.failures", defaultValue = "5")
  int breakerFailures;

  @Inject
  @ConfigProperty(name = "comments.classifier.breaker.window.ms", defaultValue = "10000")
  long breakerWindowMs;

  @Inject
  @ConfigProperty(name = "comments.classifier.breaker.open.ms", defaultValue = "30000")
  long breakerOpenMs;

  @Resource ManagedThreadFactory threads;
  @Inject Clock clock;
  @Inject ClassifierMetrics metrics;

  private URI endpoint;
  private Duration budget;
  private ExecutorService executor;
  private HttpClient client;
  private CircuitBreaker breaker;
  private volatile String lastFailure = "";

  @PostConstruct
  void start() {
    budget = Duration.ofMillis(timeoutMs);
    breaker =
        new CircuitBreaker(
            clock,
            breakerFailures,
            Duration.ofMillis(breakerWindowMs),
            Duration.ofMillis(breakerOpenMs),
            this::log);
    metrics.register(breaker::state);
    String configured = url.map(String::strip).orElse("");
    if (configured.isEmpty()) return;
    endpoint = URI.create(configured);
    if (!("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme()))
        || endpoint.getHost() == null)
      throw new IllegalStateException("COMMENTS_CLASSIFIER_URL must be an http(s) URL");
    if (timeoutMs < 1) throw new IllegalStateException("COMMENTS_CLASSIFIER_TIMEOUT_MS < 1");
    if (!(threshold > 0 && threshold <= 1))
      throw new IllegalStateException("COMMENTS_CLASSIFIER_THRESHOLD must be in (0, 1]");
    executor = Executors.newCachedThreadPool(threads);
    client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(budget)
            .followRedirects(HttpClient.Redirect.NEVER)
            .executor(executor)
            .build();
    LOG.info(
        () ->
            "external classifier at "
                + endpoint.getScheme()
                + "://"
                + endpoint.getAuthority()
                + ": budget "
                + timeoutMs
                + " ms, holds at score >= "
                + threshold
                + (secret.filter(s -> !s.isBlank()).isPresent() ? ", requests signed" : ""));
  }

  /** Makes the bean, and checks the settings, at deployment rather than in the first request. */
  void atDeployment(@Observes @Initialized(ApplicationScoped.class) Object started) {
    LOG.fine(() -> "external classifier " + (enabled() ? "on" : "off"));
  }

  @PreDestroy
  void stop() {
    if (executor != null) executor.shutdownNow();
  }

  @Override
  public boolean enabled() {
    return client != null;
  }

  @Override
  public List<Finding> classify(Query query) {
    if (!enabled()) return List.of();
    if (!breaker.tryAcquire()) {
      metrics.skipped();
      return List.of();
    }
    long deadline = System.nanoTime() + budget.toNanos();
    metrics.call();
    CompletableFuture<HttpResponse<byte[]>> exchange = null;
    try {
      byte[] json = requestBody(query);
      exchange = client.sendAsync(request(json), LimitedBody.atMost(MAX_ANSWER_BYTES));
      HttpResponse<byte[]> answer =
          exchange.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      List<Finding> findings = findings(answer, query.body().length());
      breaker.succeeded();
      if (!findings.isEmpty()) metrics.held();
      return findings;
    } catch (TimeoutException e) {
      return timedOut(exchange);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof HttpTimeoutException) return timedOut(exchange);
      boolean tooLong = e.getCause() instanceof LimitedBody.TooLarge;
      return failed(tooLong ? Failure.ANSWER : Failure.CONNECTION, String.valueOf(e.getCause()));
    } catch (NotAnAnswer e) {
      return failed(Failure.ANSWER, e.getMessage());
    } catch (UnexpectedStatus e) {
      return failed(Failure.STATUS, e.getMessage());
    } catch (InterruptedException e) {
      if (exchange != null) exchange.cancel(true);
      Thread.currentThread().interrupt();
      breaker.failed();
      return List.of();
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "external classifier call failed", e);
      return failed(Failure.CONNECTION, String.valueOf(e));
    }
  }

  private HttpRequest request(byte[] json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .timeout(budget)
            .header("Content-Type", "application/json; charset=utf-8")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(json));
    secret
        .filter(s -> !s.isBlank())
        .ifPresent(
            s -> {
              long now = clock.instant().getEpochSecond();
              request.header(RequestSignature.TIMESTAMP_HEADER, String.valueOf(now));
              request.header(
                  RequestSignature.SIGNATURE_HEADER, RequestSignature.sign(s, now, json));
            });
    return request.build();
  }

  /** {@code {articleId, body, authorName, language?, parentId?}}; nothing else of the author. */
  static byte[] requestBody(Query query) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("articleId", query.articleId())
            .add("body", query.body())
            .add("authorName", query.authorName());
    if (query.language() != null) json.add("language", query.language());
    if (query.parentId() != null) json.add("parentId", String.valueOf(query.parentId()));
    return json.build().toString().getBytes(StandardCharsets.UTF_8);
  }

  private List<Finding> findings(HttpResponse<byte[]> answer, int bodyLength)
      throws NotAnAnswer, UnexpectedStatus {
    int status = answer.statusCode();
    if (status == 204) return List.of(); // nothing to say about this comment
    if (status < 200 || status > 299) throw new UnexpectedStatus(status);
    return ClassifierAnswers.read(answer.body(), bodyLength, threshold);
  }

  private List<Finding> timedOut(CompletableFuture<?> exchange) {
    if (exchange != null) exchange.cancel(true);
    metrics.timeout();
    lastFailure = "no answer within " + timeoutMs + " ms";
    breaker.failed();
    return List.of();
  }

  private List<Finding> failed(Failure kind, String why) {
    metrics.failure(kind);
    lastFailure = why;
    breaker.failed();
    return List.of();
  }

  /** Once per change of state, never per call. */
  private void log(CircuitBreaker.Transition t) {
    switch (t.to()) {
      case OPEN ->
          LOG.warning(
              () ->
                  "external classifier: breaker open "
                      + (t.from() == CircuitBreaker.State.HALF_OPEN
                          ? "again, the trial call failed"
                          : "after " + t.failures() + " failures")
                      + " (last: "
                      + lastFailure
                      + "); comments are judged by the rules alone for "
                      + breakerOpenMs
                      + " ms");
      case HALF_OPEN -> LOG.info("external classifier: breaker half-open, trying one call");
      case CLOSED -> LOG.info("external classifier: answering again, breaker closed");
    }
  }

  /** A status other than 2xx. */
  static final class UnexpectedStatus extends Exception {
    private static final long serialVersionUID = 1L;

    UnexpectedStatus(int status) {
      super("status " + status, null, false, false);
    }
  }
}
