package org.packetpath.engine.rules;

/** Packet and byte counters, as {@code [packets:bytes]} in iptables-save output. */
public record Counters(long packets, long bytes) {
  public static final Counters ZERO = new Counters(0, 0);

  public Counters {
    if (packets < 0 || bytes < 0) {
      throw new IllegalArgumentException("counters must not be negative: " + packets + ":" + bytes);
    }
  }

  @Override
  public String toString() {
    return "[" + packets + ":" + bytes + "]";
  }
}
