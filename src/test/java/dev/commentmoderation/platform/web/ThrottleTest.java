package dev.commentmoderation.platform.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ThrottleTest {

  @Test
  void refusesPastCapacityPerKeyAndSaysHowLongToWait() {
    Throttle throttle = new Throttle(3, Duration.ofHours(1));
    for (int i = 0; i < 3; i++) assertTrue(throttle.take("a").isEmpty());
    assertTrue(throttle.peek("a").isPresent());
    var wait = throttle.take("a");
    assertTrue(wait.isPresent() && wait.get().toMinutes() >= 15, wait::toString);
    assertTrue(throttle.take("b").isEmpty(), "other keys are not affected");
    assertTrue(throttle.peek("never-seen").isEmpty());
    throttle.forget("a");
    assertTrue(throttle.take("a").isEmpty());
  }
}
