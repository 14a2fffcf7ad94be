package org.packetpath.engine.ext;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.packetpath.engine.packet.TcpFlags;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Field;
import org.packetpath.engine.rules.Option;

/**
 * The {@code tcp} and {@code udp} matches: ports, TCP flags and TCP options; and what each
 * backend keeps of them and prints back ({@link #stored}), which is not always what was written.
 */
public final class TcpUdp {
  private TcpUdp() {}

  static List<ModuleSpec> all() {
    return List.of(tcp(), udp());
  }

  /**
   * The port options, read by {@code ports}: tcp reads them with {@code xtables_parse_port}
   * ({@code 022} is 18, a reversed range refused), udp with the option parser of libxtables
   * ({@code 022} is 22, a reversed range kept).
   */
  private static OptionSpec sport(OptionSpec.ArgCanon ports) {
    return OptionSpec.one("--sport", ports).negatable().alias("--source-port");
  }

  private static OptionSpec dport(OptionSpec.ArgCanon ports) {
    return OptionSpec.one("--dport", ports).negatable().alias("--destination-port");
  }

  private static ModuleSpec tcp() {
    // libxt_tcp parses its options itself, with messages of its own for an option given twice.
    String oneFlags = "Only one of `--syn' or `--tcp-flags'  allowed";
    OptionSpec flags =
        OptionSpec.many("--tcp-flags", 2, TcpUdp::tcpFlags).negatable().twice(oneFlags);
    OptionSpec syn =
        OptionSpec.custom(
                "--syn",
                0,
                (n, neg, args) -> new Option("--tcp-flags", neg, List.of("FIN,SYN,RST,ACK", "SYN")))
            .negatable()
            .twice(oneFlags);
    OptionSpec option =
        OptionSpec.one("--tcp-option", a -> Long.toString(Args.number(a, 1, 255, "TCP option")))
            .negatable()
            .twice("Only one `--tcp-option' allowed");
    return ModuleSpec.match("tcp",
            sport(TcpUdp::tcpPorts).twice("Only one `--source-port' allowed"),
            dport(TcpUdp::tcpPorts).twice("Only one `--destination-port' allowed"), option, flags,
            syn)
        .withSaveOrder("--sport", "--dport", "--tcp-option", "--tcp-flags")
        .checkedBy(requires("tcp", "TCP match requires '-p tcp'"))
        .meaning(options -> meaning(6, options));
  }

  /** tcp's ports: service names are those of tcp, as {@code xtables_parse_port(s, "tcp")}. */
  private static String tcpPorts(String text) throws ArgException {
    return Ports.portRange(text, "tcp");
  }

  private static ModuleSpec udp() {
    return ModuleSpec.match("udp",
            sport(Ports::servicePortRange).namedTwice("--source-port"),
            dport(Ports::servicePortRange).namedTwice("--destination-port"))
        .checkedBy(requires("udp", "UDP match requires '-p udp'"))
        .meaning(options -> meaning(17, options));
  }

  /**
   * The flags among {@code mask} are {@code set}; never, as in the kernel, when {@code set} has a
   * flag outside {@code mask} ({@code --tcp-flags SYN,ACK SYN,RST}).
   */
  static Condition flagsAmong(int mask, int set) {
    return (set & ~mask) != 0 ? Condition.FALSE : new Condition.TcpFlags(mask, set);
  }

  /** The protocol, then each option: ports in ranges, flags among a mask, no TCP options. */
  static Condition meaning(int protocol, List<Option> options) {
    List<Condition> parts = new ArrayList<>();
    parts.add(Meanings.protocol(protocol));
    parts.add(Meanings.perOption(options, o -> switch (o.name()) {
      case "--sport" -> Condition.in(Field.SOURCE_PORT, Meanings.range(o.arg()));
      case "--dport" -> Condition.in(Field.DESTINATION_PORT, Meanings.range(o.arg()));
      case "--tcp-flags" -> flagsAmong(flags(o.args().get(0)), flags(o.args().get(1)));
      case "--tcp-option" -> new Condition.Opaque("tcp", "whether the packet carries TCP option "
          + o.arg() + "; simulated packets carry none", new Condition.Fixed(false));
      default -> throw new IllegalStateException("unknown tcp/udp option " + o.name());
    }));
    return Condition.all(parts);
  }

  static int flags(String canonical) {
    if (canonical.equals("NONE")) {
      return 0;
    }
    int flags = 0;
    for (String name : canonical.split(",")) {
      flags |= TcpFlags.bit(name);
    }
    return flags;
  }

  /** The check that {@code -p} names the match's protocol, as iptables words it. */
  static ModuleSpec.Finisher requires(String protocol, String message) {
    return (rule, options) -> {
      if (!rule.protocolIs(protocol)) {
        throw new ArgException(message)
            .explained(
                "the "
                    + protocol
                    + " match only understands "
                    + protocol.toUpperCase(Locale.ROOT)
                    + " packets: add -p "
                    + protocol
                    + " before it");
      }
      return options;
    };
  }

  private static List<String> tcpFlags(List<String> args) throws ArgException {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      try {
        out.add(flagSet(args.get(i)));
      } catch (ArgException e) {
        throw e.at(i);
      }
    }
    return out;
  }

  private static String flagSet(String text) throws ArgException {
    boolean[] set = new boolean[TcpFlags.NAMES.size()];
    for (String word : text.split(",", -1)) {
      String upper = word.toUpperCase(Locale.ROOT);
      if (upper.equals("ALL")) {
        Arrays.fill(set, true);
      } else if (!upper.equals("NONE")) {
        int i = TcpFlags.NAMES.indexOf(upper);
        if (i < 0) {
          throw new ArgException("Unknown TCP flag `" + word + "'")
              .explained("TCP flags are FIN, SYN, RST, PSH, ACK, URG, ALL and NONE");
        }
        set[i] = true;
      }
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < set.length; i++) {
      if (set[i]) {
        names.add(TcpFlags.NAMES.get(i));
      }
    }
    return names.isEmpty() ? "NONE" : String.join(",", names);
  }
}
