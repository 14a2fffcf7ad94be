package org.packetpath.engine.sim;

import java.util.Optional;

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
  /** Set when the entry is deleted from the table. */
  boolean removed;
  /** Packets and bytes seen, original direction first, as conntrack accounting counts them. */
  private final long[] packets = new long[2];
  private final long[] bytes = new long[2];

  Connection(Tuple original) {
    this.original = original;
    this.reply = original.inverse();
  }

  /** Whether the NAT binding of {@code source ? SNAT : DNAT} type is set up. */
  boolean natDone(boolean source) {
    return source ? srcNatDone : dstNatDone;
  }

  /** Counts one packet of {@code length} bytes travelling in the reply direction or not. */
  void count(boolean replyDirection, int length) {
    int d = replyDirection ? 1 : 0;
    packets[d]++;
    bytes[d] += length;
  }

  /** As {@code conntrack -L} prints an entry, roughly. */
  String describe() {
    String flags = (seenReply ? "" : " [UNREPLIED]") + (assured ? " [ASSURED]" : "");
    return original + " " + reply.toString().replaceFirst("^\\S+ ", "") + flags;
  }

  private final Optional<Visit.ConnView> originalView = Optional.of(new View(false));
  private final Optional<Visit.ConnView> replyView = Optional.of(new View(true));

  /** The view of this entry for a packet travelling in one direction; made once. */
  Optional<Visit.ConnView> view(boolean replyDirection) {
    return replyDirection ? replyView : originalView;
  }

  /** What rules see of this entry, for packets of one direction. */
  private final class View implements Visit.ConnView {
    private final boolean replyDirection;

    View(boolean replyDirection) {
      this.replyDirection = replyDirection;
    }

    @Override
    public boolean reply() {
      return replyDirection;
    }

    @Override
    public Tuple original() {
      return original;
    }

    @Override
    public Tuple replyTuple() {
      return reply;
    }

    @Override
    public boolean seenReply() {
      return seenReply;
    }

    @Override
    public boolean assured() {
      return assured;
    }

    @Override
    public boolean confirmed() {
      return confirmed;
    }

    @Override
    public boolean sourceNat() {
      return srcNat;
    }

    @Override
    public boolean destinationNat() {
      return dstNat;
    }

    @Override
    public long mark() {
      return mark;
    }
  
    @Override
    public long packets(boolean replyDirection) {
      return packets[replyDirection ? 1 : 0];
    }

    @Override
    public long bytes(boolean replyDirection) {
      return bytes[replyDirection ? 1 : 0];
    }

    @Override
    public boolean tracked() {
      return confirmed && !removed;
    }
  }
}
