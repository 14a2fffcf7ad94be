package org.packetpath.engine.ext;

import java.util.ArrayList;
import java.util.List;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Option;

/**
 * The {@code dccp} match: ports, as the udp match reads them ({@code 022} is 22, {@code 70000}
 * is 4464, a reversed range kept), the packet type and a DCCP option.
 */
final class Dccp {
  private Dccp() {}

  static ModuleSpec spec() {
    OptionSpec sport = OptionSpec.one("--sport", t -> ports(t, "--source-port")).negatable()
        .alias("--source-port").namedTwice("--source-port");
    OptionSpec dport = OptionSpec.one("--dport", t -> ports(t, "--destination-port"))
        .negatable().alias("--destination-port").namedTwice("--destination-port");
    OptionSpec types = OptionSpec.one("--dccp-types", Dccp::types).negatable();
    OptionSpec option = OptionSpec.one("--dccp-option",
        t -> Long.toString(XtNumbers.xtNumber(t, "dccp", "--dccp-option", 1, 255))).negatable();
    return ModuleSpec.match("dccp", sport, dport, types, option)
        .withFinisher(Args.protocolRequired("dccp match", "dccp", 33, "the dccp match only"
            + " reads DCCP packets: add -p dccp before it"))
        .meaning(Dccp::meaning);
  }

  /**
   * The protocol, the ports in their ranges, the type and the option. Every simulated DCCP
   * packet is a Data packet with the 16-byte generic header and no options (as the kernel
   * harness sends them), so a type test holds when DATA is among the types, and an option test
   * never holds.
   */
  private static Condition meaning(List<Option> options) {
    return Meanings.withPorts(33, options, o -> switch (o.name()) {
      case "--dccp-types" -> new Condition.Opaque("dccp", "whether the DCCP packet type is one"
          + " of " + o.arg() + "; every simulated DCCP packet is a Data packet",
          new Condition.Fixed(List.of(o.arg().split(",")).contains("DATA")));
      default -> new Condition.Opaque("dccp", "whether the DCCP packet carries option "
          + o.arg() + "; simulated DCCP packets carry no options", new Condition.Fixed(false));
    });
  }

  // ---- arguments ---------------------------------------------------------------------------

  /** The packet types by number; INVALID stands for 10 to 15. */
  private static final List<String> TYPES = List.of("REQUEST", "RESPONSE", "DATA", "ACK",
      "DATAACK", "CLOSEREQ", "CLOSE", "RESET", "SYNC", "SYNCACK", "INVALID");

  /**
   * Port ranges as the udp match reads them, with libxtables' limit of two parts: a third is
   * refused once the first two are read ({@code --destination-port} named, however spelt).
   */
  private static String ports(String text, String option) throws ArgException {
    String[] parts = text.split(":", -1);
    if (parts.length > 2) {
      for (int i = 0; i < 2; i++) {
        if (!parts[i].isEmpty()) {
          Ports.servicePort(parts[i]);
        }
      }
      throw new ArgException("dccp: Too many components for option \"" + option + "\" (max: 2)")
          .explained("a port range is MIN:MAX");
    }
    return Ports.servicePortRange(text);
  }

  /** Type names in any case, printed in the order of their numbers, without repeats. */
  private static String types(String text) throws ArgException {
    boolean[] given = new boolean[TYPES.size()];
    for (String word : text.split(",")) {
      if (word.isEmpty()) {
        continue;
      }
      int i = indexOfIgnoreCase(word);
      if (i < 0) {
        throw new ArgException("Unknown DCCP type `" + word + "'")
            .explained("DCCP types are " + String.join(", ", TYPES));
      }
      given[i] = true;
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < given.length; i++) {
      if (given[i]) {
        out.add(TYPES.get(i));
      }
    }
    return String.join(",", out);
  }

  private static int indexOfIgnoreCase(String word) {
    for (int i = 0; i < TYPES.size(); i++) {
      if (TYPES.get(i).equalsIgnoreCase(word)) {
        return i;
      }
    }
    return -1;
  }
}
