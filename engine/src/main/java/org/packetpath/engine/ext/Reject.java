package org.packetpath.engine.ext;

import java.util.List;
import java.util.Locale;
import org.packetpath.engine.rules.Action;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.Option;
import org.packetpath.engine.rules.Table;

/** The {@code REJECT} target: drop the packet and answer with an ICMP error or a TCP reset. */
final class Reject {
  private Reject() {}

  static final List<String> REJECT_TYPES =
      List.of(
          "icmp-net-unreachable",
          "icmp-host-unreachable",
          "icmp-port-unreachable",
          "icmp-proto-unreachable",
          "icmp-net-prohibited",
          "icmp-host-prohibited",
          "icmp-admin-prohibited",
          "tcp-reset");

  static ModuleSpec spec() {
    OptionSpec with = OptionSpec.one("--reject-with", Reject::rejectType);
    return ModuleSpec.target("REJECT", with)
        .onlyIn(Table.FILTER)
        .onlyFrom(Hook.INPUT, Hook.FORWARD, Hook.OUTPUT)
        .withFinisher(
            (rule, options) -> {
              if (options.isEmpty()) {
                return List.of(Option.of("--reject-with", "icmp-port-unreachable"));
              }
              if (options.get(0).arg().equals("tcp-reset") && !rule.protocolIs("tcp")) {
                throw new ArgException("REJECT: TCP_RESET invalid for non-tcp")
                    .explained("--reject-with tcp-reset answers with a TCP RST, so the rule needs -p tcp");
              }
              return options;
            })
        .does(options -> new Action.Reject(Action.RejectWith.byLabel(options.get(0).arg())
            .orElseThrow()));
  }

  /** Accepts the full names and the abbreviations iptables accepts ({@code port-unreach}). */
  private static String rejectType(String text) throws ArgException {
    String t = text.toLowerCase(Locale.ROOT);
    if (REJECT_TYPES.contains(t)) {
      return t;
    }
    for (String type : REJECT_TYPES) {
      String shortForm = type.replace("icmp-", "").replace("unreachable", "unreach")
          .replace("prohibited", "prohib");
      if (t.equals(shortForm) || t.equals("icmp-" + shortForm)) {
        return type;
      }
    }
    if (t.equals("tcp-rst")) {
      return "tcp-reset";
    }
    if (t.equals("echo-reply") || t.equals("icmp-echo-reply")) {
      throw new ArgException("unknown reject type \"" + text + "\"")
          .explained("replying with an echo reply is no longer supported");
    }
    throw new ArgException("unknown reject type \"" + text + "\"")
        .explained("REJECT answers with one of " + String.join(", ", REJECT_TYPES));
  }
}
