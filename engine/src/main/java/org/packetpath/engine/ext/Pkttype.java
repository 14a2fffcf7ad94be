package org.packetpath.engine.ext;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.packetpath.engine.net.CNumbers;
import org.packetpath.engine.net.Ipv4;
import org.packetpath.engine.net.Protocols;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Field;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.IntervalSet;
import org.packetpath.engine.rules.Option;
import org.packetpath.engine.rules.Table;

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
