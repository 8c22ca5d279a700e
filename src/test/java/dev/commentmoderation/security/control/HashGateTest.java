package dev.commentmoderation.security.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HashGateTest {

  @Test
  void atMostKAtOnceAndNoWaitingForClientsWithFailures() {
    HashGate gate = new HashGate(2, 0, 0);
    assertTrue(gate.enter(false));
    assertTrue(gate.enter(true));
    assertFalse(gate.enter(false), "a third is refused at once");
    assertFalse(gate.enter(true), "no waiting allowed in this configuration");
    gate.release();
    assertTrue(gate.enter(false));
  }

  @Test
  void theConcurrencyIsAtLeastTwo() {
    HashGate gate = new HashGate(1, 0, 0);
    assertTrue(gate.enter(false));
    assertTrue(gate.enter(false));
    assertFalse(gate.enter(false));
  }
}
