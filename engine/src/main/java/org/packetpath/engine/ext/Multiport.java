package org.packetpath.engine.ext;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.packetpath.engine.ext.ModuleSpec.Finisher;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Field;
import org.packetpath.engine.rules.IntervalSet;
import org.packetpath.engine.rules.Option;

/** The {@code multiport} match: up to 15 ports and ranges, as source, destination or either. */
final class Multiport {
  private Multiport() {}

  /** The protocols with ports, by the names {@code -p} is canonical in. */
  private static final List<String> PROTOCOLS = List.of("tcp", "udp", "udplite", "sctp", "dccp");
  private static final String NEEDS_PROTOCOL =
      "multiport needs `-p tcp', `-p udp', `-p udplite', `-p sctp' or `-p dccp'";
  private static final String NEEDS_PROTOCOL_WHY =
      "port numbers only exist for these protocols: add -p tcp or -p udp before -m multiport";

  static ModuleSpec spec() {
    OptionSpec sports =
        OptionSpec.oneWithProtocol("--sports", Multiport::portList).negatable()
            .alias("--source-ports").namedTwice("--source-ports");
    OptionSpec dports =
        OptionSpec.oneWithProtocol("--dports", Multiport::portList).negatable()
            .alias("--destination-ports").namedTwice("--destination-ports");
    OptionSpec ports = OptionSpec.oneWithProtocol("--ports", Multiport::portList).negatable();
    return ModuleSpec.match("multiport", sports, dports, ports)
        .withRules(OptionRules.of("--sports", "--dports", "--ports")
            .exclusive("--sports", "--dports", "--ports")
            .label("--sports", "--source-ports")
            .label("--dports", "--destination-ports"))
        // The protocol is checked as each option is read; with none, this is the only error.
        .withFinisher(Finisher.atLeastOne("multiport expection an option",
            "give the ports with --dports, --sports or --ports (the message is iptables' own)"))
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

  /**
   * The ports of {@code text}, read as libxt_multiport reads them while parsing the option: first
   * the {@code -p} given before it must be one with ports, then each service name is one of that
   * protocol ({@code -p udp --dports http} is refused: /etc/services lists http for tcp only).
   */
  private static String portList(Optional<Option> protocol, String text) throws ArgException {
    String name = protocolOf(protocol);
    List<String> out = new ArrayList<>();
    int slots = 0;
    for (String part : text.split(",", -1)) {
      String canonical = Ports.portRange(part, name);
      slots += canonical.contains(":") ? 2 : 1;
      out.add(canonical);
    }
    if (slots > 15) {
      throw new ArgException("too many ports specified")
          .explained("multiport takes at most 15 ports, a range counting as two");
    }
    return String.join(",", out);
  }

  /** libxt_multiport's {@code check_proto}: the {@code -p} read so far, as a protocol name. */
  private static String protocolOf(Optional<Option> protocol) throws ArgException {
    if (protocol.isPresent() && protocol.get().negated()) {
      throw onlyWorksWith();
    }
    String name = protocol.map(Option::arg).orElse("");
    if (PROTOCOLS.contains(name)) {
      return name;
    }
    if (name.isEmpty()) {
      throw new ArgException(NEEDS_PROTOCOL).explained(NEEDS_PROTOCOL_WHY);
    }
    throw onlyWorksWith();
  }

  private static ArgException onlyWorksWith() {
    return new ArgException("multiport only works with TCP, UDP, UDPLITE, SCTP and DCCP")
        .explained("ports exist only for these protocols; -p must name one of them, not negated");
  }
}
