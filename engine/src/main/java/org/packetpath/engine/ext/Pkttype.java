package org.packetpath.engine.ext;

import java.util.List;
import java.util.Locale;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Option;

/** The {@code pkttype} match: how the packet was addressed on the link. */
final class Pkttype {
  private Pkttype() {}

  static ModuleSpec spec() {
    return pkttype().meaning(Pkttype::meaning);
  }

  private static ModuleSpec pkttype() {
    OptionSpec type = OptionSpec.one("--pkt-type", PacketArgs::packetType).negatable();
    return ModuleSpec.match("pkttype", type)
        .withRules(OptionRules.of("--pkt-type").mandatory("--pkt-type"));
  }

  private static Condition meaning(List<Option> options) {
    return Meanings.perOption(options, o -> new Condition.PacketType(
        Condition.LinkType.valueOf(o.arg().toUpperCase(Locale.ROOT))));
  }
}
