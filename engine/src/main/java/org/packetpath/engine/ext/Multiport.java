package org.packetpath.engine.ext;

import java.util.ArrayList;
import java.util.List;
import org.packetpath.engine.ext.ModuleSpec.Finisher;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Field;
import org.packetpath.engine.rules.IntervalSet;
import org.packetpath.engine.rules.Option;

/** The {@code multiport} match: up to 15 ports and ranges, as source, destination or either. */
final class Multiport {
  private Multiport() {}

  static ModuleSpec spec() {
    OptionSpec sports =
        OptionSpec.one("--sports", Multiport::portList).negatable().alias("--source-ports")
            .namedTwice("--source-ports");
    OptionSpec dports =
        OptionSpec.one("--dports", Multiport::portList).negatable().alias("--destination-ports")
            .namedTwice("--destination-ports");
    OptionSpec ports = OptionSpec.one("--ports", Multiport::portList).negatable();
    return ModuleSpec.match("multiport", sports, dports, ports)
        .checkedBy(Finisher.requiring(
            (rule, options) -> rule.protocolIs("tcp", "udp", "udplite", "sctp", "dccp"),
            "multiport needs `-p tcp', `-p udp', `-p udplite', `-p sctp' or `-p dccp'",
            "port numbers only exist for these protocols: add -p tcp or -p udp"))
        .withRules(OptionRules.of("--sports", "--dports", "--ports")
            .exclusive("--sports", "--dports", "--ports")
            .label("--sports", "--source-ports")
            .label("--dports", "--destination-ports"))
        .withFinisher(Finisher.atLeastOne("multiport: option \"--ports\" must be specified",
            "give the ports with --dports, --sports or --ports"))
        .meaning(Multiport::meaning);
  }

  /** Ports only exist for some protocols; then one option: the port in one of the ranges. */
  private static Condition meaning(List<Option> options) {
    Option o = options.get(0);
    IntervalSet ports = Meanings.ranges(o.arg());
    Condition test = switch (o.name()) {
      case "--sports" -> Condition.in(Field.SOURCE_PORT, ports);
      case "--dports" -> Condition.in(Field.DESTINATION_PORT, ports);
      default -> Condition.any(Condition.in(Field.SOURCE_PORT, ports),
          Condition.in(Field.DESTINATION_PORT, ports));
    };
    return Condition.all(Condition.in(Field.PROTOCOL, Meanings.PORT_PROTOCOLS),
        Condition.not(o.negated(), test));
  }

  private static String portList(String text) throws ArgException {
    List<String> out = new ArrayList<>();
    int slots = 0;
    for (String part : text.split(",", -1)) {
      String canonical = Args.portRange(part);
      slots += canonical.contains(":") ? 2 : 1;
      out.add(canonical);
    }
    if (slots > 15) {
      throw new ArgException("too many ports specified")
          .explained("multiport takes at most 15 ports, a range counting as two");
    }
    return String.join(",", out);
  }
}
