package org.packetpath.engine.rules;

/**
 * A number a rule can test: a header field of the packet, its mark, or a field of its
 * connection-tracking entry. Each has a width; its values are 0 to {@link #max()}.
 *
 * <p>Some fields exist only for some packets: ports for TCP, UDP, SCTP, DCCP and UDP-Lite, the
 * ICMP type and code for ICMP, the connection's fields for packets that have a connection. A
 * {@link Condition.FieldIn} on a field the packet does not have does not hold.
 */
public enum Field {
  /** The source address. */
  SOURCE(32, "source address"),
  /** The destination address. */
  DESTINATION(32, "destination address"),
  /** The IP protocol number (6 TCP, 17 UDP, 1 ICMP, ...). */
  PROTOCOL(8, "protocol"),
  /** The source port, for protocols with ports. */
  SOURCE_PORT(16, "source port"),
  /** The destination port, for protocols with ports. */
  DESTINATION_PORT(16, "destination port"),
  /** The ICMP type, for ICMP. */
  ICMP_TYPE(8, "ICMP type"),
  /** The ICMP code, for ICMP. */
  ICMP_CODE(8, "ICMP code"),
  /** The IP total length in bytes. */
  LENGTH(16, "length"),
  /** The time to live, as the packet has it at this point. */
  TTL(8, "TTL"),
  /** The type-of-service byte (DSCP and ECN). */
  TOS(8, "TOS"),
  /** The packet mark (the kernel's skb mark). */
  MARK(32, "mark"),
  /** The mark of the packet's connection. */
  CONNMARK(32, "connection mark"),
  /** The protocol of the connection. */
  CT_PROTOCOL(8, "connection protocol"),
  /** The source address of the connection's original direction. */
  CT_ORIG_SOURCE(32, "original source"),
  /** The destination address of the connection's original direction. */
  CT_ORIG_DESTINATION(32, "original destination"),
  /** The source address of the connection's reply direction. */
  CT_REPLY_SOURCE(32, "reply source"),
  /** The destination address of the connection's reply direction. */
  CT_REPLY_DESTINATION(32, "reply destination"),
  /** The source port of the connection's original direction. */
  CT_ORIG_SOURCE_PORT(16, "original source port"),
  /** The destination port of the connection's original direction. */
  CT_ORIG_DESTINATION_PORT(16, "original destination port"),
  /** The source port of the connection's reply direction. */
  CT_REPLY_SOURCE_PORT(16, "reply source port"),
  /** The destination port of the connection's reply direction. */
  CT_REPLY_DESTINATION_PORT(16, "reply destination port");

  private final int bits;
  private final String label;

  Field(int bits, String label) {
    this.bits = bits;
    this.label = label;
  }

  /** How many bits wide the field is. */
  public int bits() {
    return bits;
  }

  /** The largest value of the field. */
  public long max() {
    return (1L << bits) - 1;
  }

  /** The field in words, for explanations: {@code "destination port"}. */
  public String label() {
    return label;
  }

  /** Whether the field belongs to the connection-tracking entry rather than the packet. */
  public boolean ofConnection() {
    return switch (this) {
      case CONNMARK, CT_PROTOCOL, CT_ORIG_SOURCE, CT_ORIG_DESTINATION, CT_REPLY_SOURCE,
          CT_REPLY_DESTINATION, CT_ORIG_SOURCE_PORT, CT_ORIG_DESTINATION_PORT,
          CT_REPLY_SOURCE_PORT, CT_REPLY_DESTINATION_PORT -> true;
      case SOURCE, DESTINATION, PROTOCOL, SOURCE_PORT, DESTINATION_PORT, ICMP_TYPE, ICMP_CODE,
          LENGTH, TTL, TOS, MARK -> false;
    };
  }
}
