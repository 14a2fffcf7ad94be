package org.packetpath.engine.rules;

/**
 * Packet and byte counters, as {@code [packets:bytes]} in iptables-save output. Both are
 * unsigned 64-bit numbers, as in the kernel: values above {@link Long#MAX_VALUE} are stored as
 * negative {@code long}s and printed unsigned.
 */
public record Counters(long packets, long bytes) {
  public static final Counters ZERO = new Counters(0, 0);

  /** These counters plus {@code other}, wrapping at 2^64 as the kernel's do. */
  public Counters plus(Counters other) {
    return new Counters(packets + other.packets, bytes + other.bytes);
  }

  @Override
  public String toString() {
    return "[" + Long.toUnsignedString(packets) + ":" + Long.toUnsignedString(bytes) + "]";
  }
}
