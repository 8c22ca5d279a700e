package dev.commentmoderation.classifier.control;

import dev.commentmoderation.platform.resilience.CircuitBreaker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
 * half-open, 2 open).
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

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  void call() {
    counter("comments_classifier_calls_total", "Calls made to the external classifier").inc();
  }

  void timeout() {
    counter(
            "comments_classifier_timeouts_total",
            "Calls to the external classifier that did not answer within the time budget")
        .inc();
  }

  void failure(Failure kind) {
    registry
        .counter(
            Metadata.builder()
                .withName("comments_classifier_failures_total")
                .withDescription(
                    "Calls to the external classifier that failed: non-2xx, unreachable, or no"
                        + " valid answer")
                .build(),
            new Tag("kind", kind.name().toLowerCase(java.util.Locale.ROOT)))
        .inc();
  }

  void skipped() {
    counter(
            "comments_classifier_skipped_total",
            "Comments judged by the rules alone because the classifier's breaker was open")
        .inc();
  }

  void held() {
    counter(
            "comments_classifier_holds_total",
            "Comments the rules would publish that the external classifier held")
        .inc();
  }

  void breaker(Supplier<CircuitBreaker.State> state) {
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

  private Counter counter(String name, String description) {
    return registry.counter(Metadata.builder().withName(name).withDescription(description).build());
  }
}
