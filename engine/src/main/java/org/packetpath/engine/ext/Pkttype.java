package org.packetpath.engine.ext;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Option;

/** The {@code pkttype} match: how the packet was addressed on the link. */
final class Pkttype {
  private Pkttype() {}

  static ModuleSpec spec() {
    OptionSpec type = OptionSpec.one("--pkt-type", Pkttype::packetType).negatable();
    return ModuleSpec.match("pkttype", type)
        .withRules(OptionRules.of("--pkt-type").mandatory("--pkt-type"))
        .meaning(Pkttype::meaning);
  }

  private static Condition meaning(List<Option> options) {
    return Meanings.perOption(options, o -> new Condition.PacketType(
        Condition.LinkType.valueOf(o.arg().toUpperCase(Locale.ROOT))));
  }

  // ---- arguments ---------------------------------------------------------------------------

  private static final Map<String, String> PACKET_TYPES =
      Map.of(
          "unicast", "unicast",
          "broadcast", "broadcast",
          "multicast", "multicast",
          "otherhost", "otherhost",
          "bcast", "broadcast",
          "mcast", "multicast",
          "host", "unicast");

  /** A packet type name in any case, or one of its aliases, printed by its main name. */
  static String packetType(String text) throws ArgException {
    String canonical = null;
    for (Map.Entry<String, String> e : PACKET_TYPES.entrySet()) {
      if (e.getKey().length() == text.length() && Args.startsWithIgnoreCase(e.getKey(), text)) {
        canonical = e.getValue();
      }
    }
    if (canonical == null) {
      throw new ArgException("Bad packet type '" + text + "'")
          .explained("packet types are unicast, broadcast, multicast and otherhost");
    }
    return canonical;
  }
}
