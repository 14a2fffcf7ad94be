package org.packetpath.engine.ext;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.packetpath.engine.rules.Option;

/** The protocol matches: {@code tcp}, {@code udp}, {@code icmp} and {@code multiport}. */
final class ProtocolMatches {
  private ProtocolMatches() {}

  static final List<String> TCP_FLAGS = List.of("FIN", "SYN", "RST", "PSH", "ACK", "URG");

  static List<ModuleSpec> all() {
    return List.of(tcp(), udp(), icmp(), multiport());
  }

  private static OptionSpec sport() {
    return OptionSpec.one("--sport", Args::portRange).negatable().alias("--source-port");
  }

  private static OptionSpec dport() {
    return OptionSpec.one("--dport", Args::portRange).negatable().alias("--destination-port");
  }

  private static ModuleSpec tcp() {
    OptionSpec flags = OptionSpec.many("--tcp-flags", 2, ProtocolMatches::tcpFlags).negatable();
    OptionSpec syn =
        OptionSpec.custom(
                "--syn",
                0,
                (n, neg, args) -> new Option("--tcp-flags", neg, List.of("FIN,SYN,RST,ACK", "SYN")))
            .negatable();
    OptionSpec option =
        OptionSpec.one("--tcp-option", a -> Long.toString(Args.number(a, 1, 255, "TCP option")))
            .negatable();
    return ModuleSpec.match("tcp", sport(), dport(), option, flags, syn)
        .withSaveOrder("--sport", "--dport", "--tcp-option", "--tcp-flags")
        .withFinisher(requires("tcp", "TCP match requires '-p tcp'"));
  }

  private static ModuleSpec udp() {
    return ModuleSpec.match("udp", sport(), dport())
        .withFinisher(requires("udp", "UDP match requires '-p udp'"));
  }

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
    boolean[] set = new boolean[TCP_FLAGS.size()];
    for (String word : text.split(",", -1)) {
      String upper = word.toUpperCase(Locale.ROOT);
      if (upper.equals("ALL")) {
        java.util.Arrays.fill(set, true);
      } else if (upper.equals("NONE")) {
        continue;
      } else {
        int i = TCP_FLAGS.indexOf(upper);
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
        names.add(TCP_FLAGS.get(i));
      }
    }
    return names.isEmpty() ? "NONE" : String.join(",", names);
  }

  private static ModuleSpec icmp() {
    OptionSpec type = OptionSpec.one("--icmp-type", IcmpTypes::canonical).negatable();
    return ModuleSpec.match("icmp", type)
        .withFinisher(requires("icmp", "icmp match requires '-p icmp'"));
  }

  private static ModuleSpec multiport() {
    OptionSpec sports =
        OptionSpec.one("--sports", ProtocolMatches::portList).negatable().alias("--source-ports");
    OptionSpec dports =
        OptionSpec.one("--dports", ProtocolMatches::portList)
            .negatable()
            .alias("--destination-ports");
    OptionSpec ports = OptionSpec.one("--ports", ProtocolMatches::portList).negatable();
    return ModuleSpec.match("multiport", sports, dports, ports)
        .withFinisher(
            (rule, options) -> {
              if (!rule.protocolIs("tcp", "udp", "udplite", "sctp", "dccp")) {
                throw new ArgException(
                        "multiport needs `-p tcp', `-p udp', `-p udplite', `-p sctp' or `-p dccp'")
                    .explained("port numbers only exist for these protocols: add -p tcp or -p udp");
              }
              if (options.size() > 1) {
                throw new ArgException(
                    "multiport: option \""
                        + longName(options.get(0).name())
                        + "\" cannot be used together with \""
                        + longName(options.get(1).name())
                        + "\".");
              }
              if (options.isEmpty()) {
                throw new ArgException("multiport: option \"--ports\" must be specified")
                    .explained("give the ports with --dports, --sports or --ports");
              }
              return options;
            });
  }

  private static String longName(String name) {
    return switch (name) {
      case "--sports" -> "--source-ports";
      case "--dports" -> "--destination-ports";
      default -> name;
    };
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
