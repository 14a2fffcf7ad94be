package org.packetpath.engine.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class IntervalSetTest {
  @Test
  void unionMergesOverlappingAndAdjacentIntervals() {
    IntervalSet s = IntervalSet.union(List.of(IntervalSet.range(10, 20), IntervalSet.of(21),
        IntervalSet.range(5, 12), IntervalSet.range(30, 40)));
    assertEquals("{5-21, 30-40}", s.toString());
    assertEquals(2, s.intervals());
  }

  @Test
  void intersectKeepsWhatBothHold() {
    IntervalSet a = IntervalSet.union(List.of(IntervalSet.range(0, 10), IntervalSet.range(20, 30)));
    assertEquals("{5-10, 20-25}", a.intersect(IntervalSet.range(5, 25)).toString());
    assertTrue(a.intersect(IntervalSet.range(11, 19)).isEmpty());
  }

  @Test
  void complementWithinTheFieldsRange() {
    IntervalSet ports = IntervalSet.union(List.of(IntervalSet.of(22), IntervalSet.range(80, 443)));
    assertEquals("{0-21, 23-79, 444-65535}", ports.complement(65535).toString());
    assertEquals(ports, ports.complement(65535).complement(65535));
    assertTrue(IntervalSet.range(0, 65535).complement(65535).isEmpty());
  }

  @Test
  void containsFindsValuesInEveryInterval() {
    IntervalSet s = IntervalSet.union(List.of(IntervalSet.of(1), IntervalSet.range(5, 7),
        IntervalSet.range(100, IntervalSet.MAX)));
    for (long v : new long[] {1, 5, 6, 7, 100, IntervalSet.MAX}) {
      assertTrue(s.contains(v), Long.toString(v));
    }
    for (long v : new long[] {0, 2, 4, 8, 99}) {
      assertFalse(s.contains(v), Long.toString(v));
    }
  }

  @Test
  void aReversedRangeIsEmptyAndValuesOutsideThirtyTwoBitsAreRefused() {
    assertTrue(IntervalSet.range(9, 3).isEmpty());
    assertThrows(IllegalArgumentException.class, () -> IntervalSet.of(IntervalSet.MAX + 1));
    assertThrows(IllegalArgumentException.class, () -> IntervalSet.of(-1));
  }
}
