package org.packetpath.engine.sim;

import org.packetpath.engine.rules.Action;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Rule;

/**
 * Whether a rule makes the kernel load connection tracking in the namespace: a condition on the
 * connection (its state, status, direction, mark or tuple), or an action that uses connections
 * (NAT, CONNMARK, a CT template). A nat table without NAT targets does not: its chains are then
 * never traversed, and {@code CT --notrack} and {@code NOTRACK} only exempt packets (both
 * checked on 6.18).
 */
final class Tracking {
  private Tracking() {}

  static boolean needed(Rule rule) {
    return usesConnection(rule.condition())
        || rule.target().map(t -> usesConnection(t.action())).orElse(false);
  }

  private static boolean usesConnection(Condition condition) {
    return condition.accept(new Condition.Visitor<Boolean>() {
      private boolean anyOf(java.util.List<Condition> parts) {
        return parts.stream().anyMatch(p -> p.accept(this));
      }

      @Override
      public Boolean all(Condition.All c) {
        return anyOf(c.parts());
      }

      @Override
      public Boolean any(Condition.Any c) {
        return anyOf(c.parts());
      }

      @Override
      public Boolean not(Condition.Not c) {
        return c.inner().accept(this);
      }

      @Override
      public Boolean fieldIn(Condition.FieldIn c) {
        return c.field().ofConnection();
      }

      @Override
      public Boolean tcpFlags(Condition.TcpFlags c) {
        return false;
      }

      @Override
      public Boolean iface(Condition.Iface c) {
        return false;
      }

      @Override
      public Boolean ctStates(Condition.CtStates c) {
        return true;
      }

      @Override
      public Boolean ctStatus(Condition.CtStatus c) {
        return true;
      }

      @Override
      public Boolean ctDirection(Condition.CtDirection c) {
        return true;
      }

      @Override
      public Boolean hasConnection(Condition.HasConnection c) {
        return true;
      }

      @Override
      public Boolean inSet(Condition.InSet c) {
        return false;
      }

      @Override
      public Boolean addressType(Condition.AddressType c) {
        return false;
      }

      @Override
      public Boolean packetType(Condition.PacketType c) {
        return false;
      }

      @Override
      public Boolean reversePath(Condition.ReversePath c) {
        return false;
      }

      @Override
      public Boolean localSocket(Condition.LocalSocket c) {
        return false;
      }

      @Override
      public Boolean macSource(Condition.MacSource c) {
        return false;
      }

      @Override
      public Boolean opaque(Condition.Opaque c) {
        // connlimit and connbytes count tracked connections (nf_ct_netns_get in their checks).
        return c.standIn() instanceof Condition.ConnectionCount
            || c.standIn() instanceof Condition.ConnectionCounter;
      }
    });
  }

  private static boolean usesConnection(Action action) {
    if (action instanceof Action.Continue c) {
      return c.tracksConnections();
    }
    return action instanceof Action.Nat || action instanceof Action.Netmap
        || action instanceof Action.ConnMark || action instanceof Action.Synproxy;
  }
}
