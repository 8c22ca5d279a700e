package dev.commentmoderation.platform.cluster;

import java.time.Duration;

/**
 * Whether this instance hears the others, fired by {@link SignalListener} on every heartbeat
 * (listening, trusted for {@code trustFor}) and when its connection is lost. A cache that other
 * instances' changes make stale is safe to serve only while it keeps hearing {@code listening}.
 */
public record ListenerState(boolean listening, Duration trustFor) {

  static ListenerState listening(Duration trustFor) {
    return new ListenerState(true, trustFor);
  }

  static ListenerState lost() {
    return new ListenerState(false, Duration.ZERO);
  }
}
