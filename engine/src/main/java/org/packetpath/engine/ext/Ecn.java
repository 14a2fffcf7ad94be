package org.packetpath.engine.ext;

import java.util.List;
import org.packetpath.engine.ext.ModuleSpec.Finisher;
import org.packetpath.engine.packet.TcpFlags;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Field;
import org.packetpath.engine.rules.IntervalSet;
import org.packetpath.engine.rules.Option;

/** The {@code ecn} match: the ECN field of the IP header and the ECN bits of the TCP header. */
final class Ecn {
  private Ecn() {}

  static ModuleSpec spec() {
    return ModuleSpec.match("ecn",
            OptionSpec.flag("--ecn-tcp-ece").negatable(),
            OptionSpec.flag("--ecn-tcp-cwr").negatable(),
            OptionSpec.one("--ecn-ip-ect",
                t -> Long.toString(XtNumbers.xtNumber(t, "ecn", "--ecn-ip-ect", 3))).negatable())
        .checkedBy(Finisher.atLeastOne("ECN match: some option required",
            "give --ecn-ip-ect 0..3, --ecn-tcp-ece or --ecn-tcp-cwr"))
        .withFinisher((rule, options) -> {
          boolean tcpBits = Args.has(options, "--ecn-tcp-ece") || Args.has(options, "--ecn-tcp-cwr");
          if (tcpBits && !rule.protocolIs("tcp")) {
            throw Args.refused("xt_ecn: cannot match TCP bits for non-tcp packets",
                "ECE and CWR are TCP header bits: add -p tcp");
          }
          return options;
        })
        .meaning(Ecn::meaning);
  }

  /** The low two bits of the TOS byte are the code point; ECE and CWR are TCP flags. */
  private static Condition meaning(List<Option> options) {
    return Meanings.perOption(options, o -> switch (o.name()) {
      case "--ecn-tcp-ece" -> new Condition.TcpFlags(TcpFlags.ECE, TcpFlags.ECE);
      case "--ecn-tcp-cwr" -> new Condition.TcpFlags(TcpFlags.CWR, TcpFlags.CWR);
      default -> new Condition.FieldIn(Field.TOS, 3, IntervalSet.of(Long.parseLong(o.arg())));
    });
  }
}
