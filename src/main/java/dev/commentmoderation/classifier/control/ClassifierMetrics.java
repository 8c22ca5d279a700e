package dev.commentmoderation.classifier.control;

import dev.commentmoderation.platform.resilience.CircuitBreaker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * What operators see of the hook in {@code /metrics}: calls made, timeouts, failures by kind, calls
 * skipped while the breaker was open, comments held, and the breaker's state (0 closed, 1
 * half-open, 2 open). All are registered at start, at zero, so a dashboard sees them before the
 * first call.
 */
@ApplicationScoped
public class ClassifierMetrics {

  /** Why a call failed, as the {@code kind} tag. */
  enum Failure {
    /** Answered with a status other than 2xx. */
    STATUS,
    /** Refused, reset or otherwise unreachable. */
    CONNECTION,
    /** Answered 2xx with something that is not an answer (or too long). */
    ANSWER
  }

  private static final Metadata CALLS =
      counter("comments_classifier_calls_total", "Calls made to the external classifier");
  private static final Metadata TIMEOUTS =
      counter(
          "comments_classifier_timeouts_total",
          "Calls to the external classifier that did not answer within the time budget");
  private static final Metadata FAILURES =
      counter(
          "comments_classifier_failures_total",
          "Calls to the external classifier that failed: status (non-2xx), connection, answer"
              + " (not a valid answer)");
  private static final Metadata SKIPPED =
      counter(
          "comments_classifier_skipped_total",
          "Comments judged by the rules alone because the classifier's breaker was open");
  private static final Metadata HOLDS =
      counter(
          "comments_classifier_holds_total",
          "Comments the rules would publish that the external classifier held");

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  void register(Supplier<CircuitBreaker.State> state) {
    for (Metadata m : new Metadata[] {CALLS, TIMEOUTS, SKIPPED, HOLDS}) registry.counter(m);
    for (Failure kind : Failure.values()) failures(kind);
    registry.gauge(
        Metadata.builder()
            .withName("comments_classifier_breaker_state")
            .withDescription(
                "The external classifier's circuit breaker: 0 closed, 1 half-open, 2 open")
            .withUnit(MetricUnits.NONE)
            .build(),
        state,
        s ->
            switch (s.get()) {
              case CLOSED -> 0;
              case HALF_OPEN -> 1;
              case OPEN -> 2;
            });
  }

  void call() {
    registry.counter(CALLS).inc();
  }

  void timeout() {
    registry.counter(TIMEOUTS).inc();
  }

  void failure(Failure kind) {
    failures(kind).inc();
  }

  void skipped() {
    registry.counter(SKIPPED).inc();
  }

  void held() {
    registry.counter(HOLDS).inc();
  }

  private Counter failures(Failure kind) {
    return registry.counter(FAILURES, new Tag("kind", kind.name().toLowerCase(Locale.ROOT)));
  }

  private static Metadata counter(String name, String description) {
    return Metadata.builder().withName(name).withDescription(description).build();
  }
}
