package org.packetpath.engine.explain;

import java.util.Locale;
import org.packetpath.engine.net.Ipv4;
import org.packetpath.engine.rules.Action;

/**
 * What an action does, in words; {@code %s} stands where the packets it applies to are named
 * ({@code send %s to chain LOGDROP, then continue here}), and without it they follow the verb.
 */
final class ActionWords implements Action.Visitor<String> {
  static String of(Action action) {
    return action.accept(new ActionWords());
  }

  @Override
  public String accept(Action.Accept a) {
    return "accept";
  }

  @Override
  public String drop(Action.Drop a) {
    return "drop";
  }

  @Override
  public String returns(Action.Return a) {
    return "return to the calling chain";
  }

  @Override
  public String jump(Action.Jump a) {
    return "send %s to chain " + a.chain() + ", then continue here";
  }

  @Override
  public String goTo(Action.Goto a) {
    return "hand %s over to chain " + a.chain() + " for good (goto)";
  }

  @Override
  public String reject(Action.Reject a) {
    return "reject (answer with " + a.with().label() + ")";
  }

  @Override
  public String nat(Action.Nat a) {
    String ports = a.ports().map(p -> " port " + range(p, false)).orElse("");
    return switch (a.kind()) {
      case MASQUERADE -> "masquerade (rewrite the source to the outgoing interface's address"
          + a.ports().map(p -> ", port " + range(p, false)).orElse("") + ")";
      case SNAT -> "rewrite the source to" + a.addresses().map(r -> " " + range(r, true))
          .orElse("") + ports;
      case DNAT -> "rewrite the destination to" + a.addresses().map(r -> " " + range(r, true))
          .orElse("") + ports;
      case REDIRECT -> "redirect to the firewall itself" + a.ports()
          .map(p -> " on port " + range(p, false)).orElse("");
    };
  }

  private static String range(Action.Range r, boolean addresses) {
    String first = addresses ? Ipv4.format((int) r.first()) : Long.toString(r.first());
    String last = addresses ? Ipv4.format((int) r.last()) : Long.toString(r.last());
    return r.first() == r.last() ? first : first + "-" + last;
  }

  @Override
  public String netmap(Action.Netmap a) {
    return "map the address into " + Ipv4.format(a.network()) + "/" + a.prefix();
  }

  @Override
  public String setMark(Action.SetMark a) {
    return "set the mark of %s to 0x" + Long.toHexString(a.value()) + " (bits 0x"
        + Long.toHexString(a.mask() | a.value()) + "), then continue";
  }

  @Override
  public String connMark(Action.ConnMark a) {
    return switch (a.op()) {
      case SET -> "set the connection mark of %s to 0x" + Long.toHexString(a.value())
          + " (bits 0x" + Long.toHexString(a.ctmask() | a.value()) + "), then continue";
      case SAVE -> "save the mark of %s into its connection's mark, then continue";
      case RESTORE -> "restore the mark of %s from its connection's mark, then continue";
    };
  }

  @Override
  public String noTrack(Action.NoTrack a) {
    return "exempt from connection tracking";
  }

  @Override
  public String log(Action.Log a) {
    if (a.netlink()) {
      return "copy %s to the netlink log" + prefix(a) + ", then continue";
    }
    return "log %s" + prefix(a) + ", then continue";
  }

  private static String prefix(Action.Log a) {
    return a.prefix().isEmpty() ? "" : " with prefix \"" + a.prefix() + "\"";
  }

  @Override
  public String queue(Action.Queue a) {
    return "hand %s to the program reading a netfilter queue"
        + (a.bypass() ? " (accepted if none does)" : "");
  }

  @Override
  public String proceed(Action.Continue a) {
    return "apply " + a.target() + " to %s (" + a.why() + "), then continue";
  }

  @Override
  public String rewrite(Action.Rewrite a) {
    String field = switch (a.header()) {
      case TTL -> "the TTL";
      case TOS -> "the TOS byte";
    };
    if (a.add() > 0) {
      return "raise " + field + " of %s by " + a.add() + " (to at most 255), then continue";
    }
    if (a.add() < 0) {
      return "lower " + field + " of %s by " + -a.add() + " (to no less than 0), then continue";
    }
    if (a.mask() == 0xff && a.header() == Action.Header.TTL) {
      return "set " + field + " of %s to " + a.value() + ", then continue";
    }
    if ((a.value() & ~a.mask()) == 0) {
      return String.format(Locale.ROOT, "set bits 0x%02x of %s of %%s to 0x%02x, then continue",
          a.mask(), field, a.value());
    }
    return String.format(Locale.ROOT, "set %s of %%s to (TOS AND 0x%02x) XOR 0x%02x, then"
        + " continue", field, ~a.mask() & 0xff, a.value());
  }

  @Override
  public String hashMark(Action.HashMark a) {
    return "set the mark of %s to a hash of its " + (a.ct() ? "connection's " : "")
        + "addresses, ports and protocol, from " + a.offset() + " to "
        + (a.offset() + a.modulus() - 1) + ", then continue";
  }

  @Override
  public String synproxy(Action.Synproxy a) {
    return "answer a SYN among %s with a SYN cookie, take the ACK that returns a valid one and"
        + " drop other ACKs; other packets continue";
  }

  @Override
  public String tproxy(Action.Tproxy a) {
    return "hand %s to a transparent socket on port "
        + (a.port() == 0 ? "(its destination port)" : Integer.toString(a.port()))
        + (a.address() == 0 ? "" : " of " + Ipv4.format(a.address()))
        + ", or drop it if none listens";
  }
}
