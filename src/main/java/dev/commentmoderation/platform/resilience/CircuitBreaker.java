package dev.commentmoderation.platform.resilience;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A circuit breaker around calls to a service that may be slow or down. Closed, it lets every call
 * through; {@code failures} failures (timeouts included) within {@code window} with no success
 * between them open it; open, it refuses calls for {@code coolDown}; then it lets exactly one trial
 * call through (half-open): a success closes it, a failure opens it for another cool-down. Plain
 * Java on a {@link Clock}, so its unit tests step time by hand; every change of state is announced
 * once to the listener (to be logged), never per call.
 */
public final class CircuitBreaker {

  public enum State {
    CLOSED,
    OPEN,
    HALF_OPEN
  }

  /** A change of state, with the failures that caused an opening (0 otherwise). */
  public record Transition(State from, State to, int failures) {}

  private final Clock clock;
  private final int failures;
  private final Duration window;
  private final Duration coolDown;
  private final Consumer<Transition> listener;

  private final Deque<Instant> recentFailures = new ArrayDeque<>();
  private State state = State.CLOSED;
  private Instant openedAt = Instant.MIN;
  private boolean trialInFlight;

  public CircuitBreaker(
      Clock clock,
      int failures,
      Duration window,
      Duration coolDown,
      Consumer<Transition> listener) {
    if (failures < 1) throw new IllegalArgumentException("failures must be at least 1");
    if (window.isNegative() || coolDown.isNegative())
      throw new IllegalArgumentException("window and cool-down must not be negative");
    this.clock = Objects.requireNonNull(clock);
    this.failures = failures;
    this.window = window;
    this.coolDown = coolDown;
    this.listener = Objects.requireNonNull(listener);
  }

  /**
   * Whether a call may be made now. Every {@code true} must be followed by exactly one {@link
   * #succeeded()} or {@link #failed()}: in the half-open state the one trial call is out until it
   * reports.
   */
  public boolean tryAcquire() {
    Transition change = null;
    boolean allowed;
    synchronized (this) {
      switch (state) {
        case CLOSED -> allowed = true;
        case OPEN -> {
          if (clock.instant().isBefore(openedAt.plus(coolDown))) {
            allowed = false;
          } else {
            change = move(State.HALF_OPEN, 0);
            trialInFlight = true;
            allowed = true;
          }
        }
        case HALF_OPEN -> {
          allowed = !trialInFlight;
          trialInFlight = true;
        }
        default -> throw new IllegalStateException(state.name());
      }
    }
    announce(change);
    return allowed;
  }

  /** The call that was let through answered well. */
  public void succeeded() {
    Transition change = null;
    synchronized (this) {
      recentFailures.clear();
      if (state == State.HALF_OPEN) {
        trialInFlight = false;
        change = move(State.CLOSED, 0);
      }
    }
    announce(change);
  }

  /** The call that was let through failed or ran out of time. */
  public void failed() {
    Transition change = null;
    synchronized (this) {
      Instant now = clock.instant();
      switch (state) {
        case HALF_OPEN -> {
          trialInFlight = false;
          openedAt = now;
          change = move(State.OPEN, 1);
        }
        case CLOSED -> {
          recentFailures.addLast(now);
          Instant since = now.minus(window);
          while (!recentFailures.isEmpty() && recentFailures.peekFirst().isBefore(since)) {
            recentFailures.removeFirst();
          }
          if (recentFailures.size() >= failures) {
            int counted = recentFailures.size();
            recentFailures.clear();
            openedAt = now;
            change = move(State.OPEN, counted);
          }
        }
        case OPEN -> {
          // a call let through before the breaker opened, reporting late: already counted for
        }
        default -> throw new IllegalStateException(state.name());
      }
    }
    announce(change);
  }

  public synchronized State state() {
    return state;
  }

  private Transition move(State to, int failures) {
    Transition t = new Transition(state, to, failures);
    state = to;
    return t;
  }

  private void announce(Transition change) {
    if (change != null) listener.accept(change);
  }
}
