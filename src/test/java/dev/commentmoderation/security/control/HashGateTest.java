package dev.commentmoderation.security.control;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.commentmoderation.security.control.HashGate.Priority;
import org.junit.jupiter.api.Test;

class HashGateTest {

  @Test
  void atMostKAtOnceAndNoWaitingForClientsWithFailures() {
    HashGate gate = new HashGate(2, 0, 0);
    assertNotNull(gate.enter(Priority.FAILING));
    var second = gate.enter(Priority.CLEAN);
    assertNotNull(second);
    assertNull(gate.enter(Priority.FAILING), "a third is refused at once");
    assertNull(gate.enter(Priority.CLEAN), "no waiting allowed in this configuration");
    second.release();
    assertNotNull(gate.enter(Priority.FAILING));
  }

  @Test
  void anAccountOnAClientItSignedInFromBeforeHasASlotKeptForIt() {
    HashGate gate = new HashGate(2, 0, 0);
    assertNotNull(gate.enter(Priority.CLEAN));
    assertNotNull(gate.enter(Priority.CLEAN));
    var kept = gate.enter(Priority.KNOWN_GOOD);
    assertNotNull(kept, "the flood took the general slots, not the kept one");
    assertNull(gate.enter(Priority.KNOWN_GOOD), "one kept slot");
    kept.release();
    assertNotNull(gate.enter(Priority.KNOWN_GOOD));
  }

  @Test
  void theConcurrencyIsAtLeastTwo() {
    HashGate gate = new HashGate(1, 0, 0);
    assertNotNull(gate.enter(Priority.FAILING));
    assertNotNull(gate.enter(Priority.FAILING));
    assertNull(gate.enter(Priority.FAILING));
  }
}
