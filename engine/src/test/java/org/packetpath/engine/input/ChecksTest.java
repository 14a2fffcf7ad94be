package org.packetpath.engine.input;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ChecksTest {
  @Test
  void acceptsValuesThatAreAllPresent() {
    assertDoesNotThrow(() -> Checks.nonNull("hook", "INPUT", "rule", 3));
    assertDoesNotThrow(() -> Checks.nonNull());
  }

  @Test
  void namesTheFirstNullValue() {
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> Checks.nonNull("hook", "INPUT", "table", null, "chain", null));
    assertEquals("table", e.getMessage());
  }

  @Test
  void rejectsANameWithoutValue() {
    assertThrows(IllegalArgumentException.class, () -> Checks.nonNull("hook", "INPUT", "table"));
  }
}
