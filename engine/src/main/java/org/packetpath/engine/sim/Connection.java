package org.packetpath.engine.sim;

/**
 * A connection-tracking entry: the tuple of its first packet, the tuple its replies are
 * expected to carry (changed by NAT), its status bits and its mark. Mutable; owned by the
 * simulator and changed only while a packet is processed.
 */
final class Connection {
  final Tuple original;
  Tuple reply;
  boolean confirmed;
  boolean seenReply;
  boolean assured;
  boolean srcNatDone;
  boolean dstNatDone;
  boolean srcNat;
  boolean dstNat;
  long mark;
  /** Set while the packet that created the entry travels, so ASSURED follows the handshake. */
  boolean synAckSeen;

  Connection(Tuple original) {
    this.original = original;
    this.reply = original.inverse();
  }

  /** Whether the NAT binding of {@code source ? SNAT : DNAT} type is set up. */
  boolean natDone(boolean source) {
    return source ? srcNatDone : dstNatDone;
  }

  /** As {@code conntrack -L} prints an entry, roughly. */
  String describe() {
    String flags = (seenReply ? "" : " [UNREPLIED]") + (assured ? " [ASSURED]" : "");
    return original + " " + reply.toString().replaceFirst("^\\S+ ", "") + flags;
  }

  /** A view of this entry for one packet, which travels in one direction. */
  Visit.ConnView view(boolean replyDirection) {
    Connection c = this;
    return new Visit.ConnView() {
      @Override
      public boolean reply() {
        return replyDirection;
      }

      @Override
      public Tuple original() {
        return c.original;
      }

      @Override
      public Tuple replyTuple() {
        return c.reply;
      }

      @Override
      public boolean seenReply() {
        return c.seenReply;
      }

      @Override
      public boolean assured() {
        return c.assured;
      }

      @Override
      public boolean confirmed() {
        return c.confirmed;
      }

      @Override
      public boolean sourceNat() {
        return c.srcNat;
      }

      @Override
      public boolean destinationNat() {
        return c.dstNat;
      }

      @Override
      public long mark() {
        return c.mark;
      }
    };
  }
}
