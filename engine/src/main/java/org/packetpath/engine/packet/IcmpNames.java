package org.packetpath.engine.packet;

import java.util.Optional;
import org.packetpath.engine.ext.IcmpTypes;

/** Names for ICMP type/code pairs in packet syntax, from iptables' list of ICMP types. */
final class IcmpNames {
  private IcmpNames() {}

  /** {@code echo-request}, {@code port-unreachable}, or {@code TYPE/CODE} when unnamed. */
  static String name(int type, int code) {
    for (String candidate : new String[] {
        "echo-reply", "echo-request", "network-unreachable", "host-unreachable",
        "protocol-unreachable", "port-unreachable", "fragmentation-needed", "network-prohibited",
        "host-prohibited", "communication-prohibited", "ttl-zero-during-transit",
        "ttl-zero-during-reassembly", "source-quench", "router-advertisement",
        "router-solicitation", "timestamp-request", "timestamp-reply", "network-redirect",
        "host-redirect"}) {
      Optional<IcmpTypes.IcmpType> t = IcmpTypes.byName(candidate);
      if (t.isPresent() && t.get().type() == type
          && (t.get().code() == code || (t.get().code() < 0 && code == 0))) {
        return candidate;
      }
    }
    return type + "/" + code;
  }
}
