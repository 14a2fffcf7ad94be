package org.packetpath.engine.rules;

/** The five IPv4 netfilter hooks, in the order a forwarded packet meets them. */
public enum Hook {
  PREROUTING,
  INPUT,
  FORWARD,
  OUTPUT,
  POSTROUTING;

  /** Whether {@code -i} (the incoming interface) is known at this hook. */
  public boolean knowsInInterface() {
    return switch (this) {
      case PREROUTING, INPUT, FORWARD -> true;
      case OUTPUT, POSTROUTING -> false;
    };
  }

  /** Whether {@code -o} (the outgoing interface) is known at this hook. */
  public boolean knowsOutInterface() {
    return switch (this) {
      case FORWARD, OUTPUT, POSTROUTING -> true;
      case PREROUTING, INPUT -> false;
    };
  }
}
