package org.packetpath.engine.pipeline;

import java.util.Optional;
import org.packetpath.engine.input.Checks;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.Table;

/**
 * One step of the pipeline at a hook: a table's chain, or a step of the kernel itself, at its
 * priority ({@code include/uapi/linux/netfilter_ipv4.h}).
 */
public record Stage(Hook hook, Kind kind, int priority, Optional<Table> table) {
  /** What happens at a stage. */
  public enum Kind {
    /** A table's built-in chain is traversed. */
    CHAIN,
    /** Connection tracking looks the packet up and creates a NEW entry (priority -200). */
    CONNTRACK,
    /** A NEW connection-tracking entry is confirmed (priority INT_MAX). */
    CONFIRM
  }

  public Stage {
    Checks.nonNull("hook", hook, "kind", kind, "table", table);
    if ((kind == Kind.CHAIN) != table.isPresent()) {
      throw new IllegalArgumentException("a CHAIN stage has a table, other stages none");
    }
  }

  static Stage chain(Hook hook, Table table, int priority) {
    return new Stage(hook, Kind.CHAIN, priority, Optional.of(table));
  }

  static Stage kernel(Hook hook, Kind kind, int priority) {
    return new Stage(hook, kind, priority, Optional.empty());
  }

  /** Whether this is the nat table's chain: traversed only for a connection's first packet. */
  public boolean isNat() {
    return table.filter(t -> t == Table.NAT).isPresent();
  }

  /** {@code filter:INPUT}, {@code conntrack:PREROUTING}. */
  public String label() {
    return switch (kind) {
      case CHAIN -> table.orElseThrow().label() + ":" + hook.name();
      case CONNTRACK -> "conntrack:" + hook.name();
      case CONFIRM -> "confirm:" + hook.name();
    };
  }
}
