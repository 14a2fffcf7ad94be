package org.packetpath.engine.sim;

import java.util.Optional;
import org.packetpath.engine.topology.Interface;
import org.packetpath.engine.topology.Topology;

/**
 * The kernel's {@code local} routing table, derived from the firewall's interfaces as Linux
 * builds it (see {@code ip route show table local}): a {@code local} route for each interface
 * address and for all of 127.0.0.0/8, and a {@code broadcast} route for the broadcast address
 * of each interface's network (none for /31 and /32; the kernel no longer adds one for the
 * network address). The addrtype and rpfilter matches consult it.
 */
final class LocalTable {
  private LocalTable() {}

  /** Route types, as {@code RTN_*} names them; the topology's routes are all unicast. */
  enum Type {
    UNICAST,
    LOCAL,
    BROADCAST,
    MULTICAST
  }

  /** An entry of the local table: its type and the interface its route uses. */
  record Entry(Type type, Interface device) {}

  private static final int LOOPBACK_NET = 0x7f000000;

  /**
   * The local-table entry that covers {@code address}, if any; a /32 entry (an address or a
   * broadcast address) wins over 127.0.0.0/8.
   */
  static Optional<Entry> lookup(Topology topology, int address) {
    for (Interface i : topology.interfaces()) {
      if (i.address() == address) {
        return Optional.of(new Entry(Type.LOCAL, i));
      }
      if (broadcast(i).filter(b -> b == address).isPresent()) {
        return Optional.of(new Entry(Type.BROADCAST, i));
      }
    }
    if ((address & 0xff000000) == LOOPBACK_NET) {
      return Optional.of(new Entry(Type.LOCAL, topology.interfaces().get(0)));
    }
    return Optional.empty();
  }

  /** The broadcast address of the interface's network; none for /31 and /32. */
  static Optional<Integer> broadcast(Interface i) {
    if (i.prefix() > 30) {
      return Optional.empty();
    }
    int hostMask = i.prefix() == 0 ? -1 : (1 << (32 - i.prefix())) - 1;
    return Optional.of(i.address() | hostMask);
  }

  /**
   * The type of {@code address} as {@code inet_dev_addr_type} answers for xt_addrtype: 0.0.0.0
   * and 255.255.255.255 are BROADCAST and 224.0.0.0/4 MULTICAST; otherwise the local table's
   * entry, but only when its route uses {@code device} (if one is given); everything else,
   * routed or not, is UNICAST — the main table, with its blackhole or unreachable routes, is not
   * consulted.
   */
  static Type addressType(Topology topology, int address, Optional<String> device) {
    if (address == 0 || address == -1) {
      return Type.BROADCAST;
    }
    if ((address >>> 28) == 0xe) {
      return Type.MULTICAST;
    }
    return lookup(topology, address)
        .filter(e -> device.isEmpty() || device.get().equals(e.device().name()))
        .map(Entry::type)
        .orElse(Type.UNICAST);
  }
}
