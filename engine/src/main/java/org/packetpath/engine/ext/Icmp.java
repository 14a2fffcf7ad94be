package org.packetpath.engine.ext;

import java.util.List;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Field;
import org.packetpath.engine.rules.Option;

/** The {@code icmp} match: the ICMP type, and code, by name or number. */
final class Icmp {
  private Icmp() {}

  static ModuleSpec spec() {
    OptionSpec type = OptionSpec.one("--icmp-type", IcmpTypes::canonical).negatable();
    return ModuleSpec.match("icmp", type)
        .checkedBy(TcpUdp.requires("icmp", "icmp match requires '-p icmp'"))
        .meaning(Icmp::meaning);
  }

  private static Condition meaning(List<Option> options) {
    Condition icmp = Meanings.protocol(1);
    return Condition.all(icmp, Meanings.perOption(options, o -> type(o.arg())));
  }

  /** {@code any}, {@code TYPE} or {@code TYPE/CODE}. */
  private static Condition type(String canonical) {
    if (canonical.equals("any")) {
      return Condition.TRUE;
    }
    int slash = canonical.indexOf('/');
    if (slash < 0) {
      return Condition.is(Field.ICMP_TYPE, Long.parseLong(canonical));
    }
    return Condition.all(
        Condition.is(Field.ICMP_TYPE, Long.parseLong(canonical.substring(0, slash))),
        Condition.is(Field.ICMP_CODE, Long.parseLong(canonical.substring(slash + 1))));
  }
}
