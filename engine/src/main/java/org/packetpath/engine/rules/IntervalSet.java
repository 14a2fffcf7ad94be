package org.packetpath.engine.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;

/**
 * A set of non-negative whole numbers written as sorted, disjoint, non-adjacent closed intervals:
 * the values a header field may take for a condition to hold ({@code 22}, {@code 1024-65535},
 * the addresses of {@code 10.0.0.0/8}). Values are unsigned 32-bit numbers held in a {@code
 * long}. Immutable.
 */
public final class IntervalSet {
  /** The largest value a set may hold: 2^32 - 1. */
  public static final long MAX = 0xffffffffL;

  private static final IntervalSet EMPTY = new IntervalSet(new long[0]);

  /** Interval bounds, {@code [lo0, hi0, lo1, hi1, ...]}, each {@code hi >= lo}. */
  private final long[] bounds;

  private IntervalSet(long[] bounds) {
    this.bounds = bounds;
  }

  /** The set holding nothing. */
  public static IntervalSet empty() {
    return EMPTY;
  }

  /** The single value {@code value}. */
  public static IntervalSet of(long value) {
    return range(value, value);
  }

  /** Every value from {@code lo} to {@code hi}, both included; empty when {@code lo > hi}. */
  public static IntervalSet range(long lo, long hi) {
    check(lo);
    check(hi);
    return lo > hi ? EMPTY : new IntervalSet(new long[] {lo, hi});
  }

  /** The values in any of {@code sets}. */
  public static IntervalSet union(List<IntervalSet> sets) {
    List<long[]> all = new ArrayList<>();
    for (IntervalSet s : sets) {
      for (int i = 0; i < s.bounds.length; i += 2) {
        all.add(new long[] {s.bounds[i], s.bounds[i + 1]});
      }
    }
    all.sort((a, b) -> Long.compare(a[0], b[0]));
    long[] out = new long[all.size() * 2];
    int n = 0;
    for (long[] r : all) {
      if (n > 0 && r[0] <= out[n - 1] + 1) {
        out[n - 1] = Math.max(out[n - 1], r[1]);
      } else {
        out[n++] = r[0];
        out[n++] = r[1];
      }
    }
    return n == 0 ? EMPTY : new IntervalSet(Arrays.copyOf(out, n));
  }

  /** This set and {@code other} together. */
  public IntervalSet union(IntervalSet other) {
    return union(List.of(this, other));
  }

  /** The values in both this set and {@code other}. */
  public IntervalSet intersect(IntervalSet other) {
    List<IntervalSet> parts = new ArrayList<>();
    for (int i = 0; i < bounds.length; i += 2) {
      for (int j = 0; j < other.bounds.length; j += 2) {
        long lo = Math.max(bounds[i], other.bounds[j]);
        long hi = Math.min(bounds[i + 1], other.bounds[j + 1]);
        if (lo <= hi) {
          parts.add(new IntervalSet(new long[] {lo, hi}));
        }
      }
    }
    return union(parts);
  }

  /** The values from 0 to {@code max} that this set does not hold. */
  public IntervalSet complement(long max) {
    check(max);
    List<IntervalSet> parts = new ArrayList<>();
    long next = 0;
    for (int i = 0; i < bounds.length && next <= max; i += 2) {
      if (bounds[i] > next) {
        parts.add(range(next, Math.min(bounds[i] - 1, max)));
      }
      next = bounds[i + 1] + 1;
    }
    if (next <= max) {
      parts.add(range(next, max));
    }
    return union(parts);
  }

  /** Whether {@code value} is in the set. */
  public boolean contains(long value) {
    int lo = 0;
    int hi = bounds.length / 2 - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (value < bounds[2 * mid]) {
        hi = mid - 1;
      } else if (value > bounds[2 * mid + 1]) {
        lo = mid + 1;
      } else {
        return true;
      }
    }
    return false;
  }

  public boolean isEmpty() {
    return bounds.length == 0;
  }

  /** How many intervals the set is made of. */
  public int intervals() {
    return bounds.length / 2;
  }

  /** The lower end of interval {@code i} (from 0). */
  public long lo(int i) {
    return bounds[2 * i];
  }

  /** The upper end of interval {@code i} (from 0). */
  public long hi(int i) {
    return bounds[2 * i + 1];
  }

  /** The smallest value in the set; the set must not be empty. */
  public long min() {
    return bounds[0];
  }

  /** Whether the set is one single value. */
  public boolean isSingle() {
    return bounds.length == 2 && bounds[0] == bounds[1];
  }

  /** Whether the set holds every value from 0 to {@code max}. */
  public boolean isAll(long max) {
    return bounds.length == 2 && bounds[0] == 0 && bounds[1] >= max;
  }

  private static void check(long value) {
    if (value < 0 || value > MAX) {
      throw new IllegalArgumentException("values must be 0.." + MAX + " but was " + value);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IntervalSet s && Arrays.equals(bounds, s.bounds);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bounds);
  }

  /** {@code {22, 1024-65535}}. */
  @Override
  public String toString() {
    StringJoiner out = new StringJoiner(", ", "{", "}");
    for (int i = 0; i < bounds.length; i += 2) {
      out.add(bounds[i] == bounds[i + 1] ? Long.toString(bounds[i])
          : bounds[i] + "-" + bounds[i + 1]);
    }
    return out.toString();
  }
}
