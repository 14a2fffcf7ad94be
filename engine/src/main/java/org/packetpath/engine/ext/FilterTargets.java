package org.packetpath.engine.ext;

import java.util.List;
import java.util.Locale;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.Option;
import org.packetpath.engine.rules.Table;

/** Targets that answer or log packets: {@code REJECT}, {@code LOG}. */
final class FilterTargets {
  private FilterTargets() {}

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

  private static final List<String> LOG_LEVELS =
      List.of("emerg", "alert", "crit", "error", "warning", "notice", "info", "debug");

  static List<ModuleSpec> all() {
    return List.of(reject(), log());
  }

  private static ModuleSpec reject() {
    OptionSpec with = OptionSpec.one("--reject-with", FilterTargets::rejectType);
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
            });
  }

  /** Accepts the full names and the abbreviations iptables accepts ({@code port-unreach}). */
  private static String rejectType(String text) throws ArgException {
    String t = text.toLowerCase(Locale.ROOT);
    for (String type : REJECT_TYPES) {
      String shortForm = type.replace("icmp-", "").replace("unreachable", "unreach")
          .replace("prohibited", "prohib");
      if (t.equals(type) || t.equals(shortForm) || t.equals("icmp-" + shortForm)) {
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

  private static ModuleSpec log() {
    OptionSpec prefix = OptionSpec.one("--log-prefix", FilterTargets::logPrefix).quoted();
    OptionSpec level = OptionSpec.one("--log-level", FilterTargets::logLevel);
    return ModuleSpec.target(
            "LOG",
            prefix,
            level,
            OptionSpec.flag("--log-tcp-sequence"),
            OptionSpec.flag("--log-tcp-options"),
            OptionSpec.flag("--log-ip-options"),
            OptionSpec.flag("--log-uid"),
            OptionSpec.flag("--log-macdecode"))
        .withFinisher(
            (rule, options) ->
                options.stream()
                    .filter(o -> !(o.name().equals("--log-level") && o.arg().equals("4")))
                    .toList());
  }

  private static String logPrefix(String text) throws ArgException {
    if (text.isEmpty()) {
      throw new ArgException("No prefix specified for --log-prefix")
          .explained("give a short text such as \"FW-DROP: \"");
    }
    return text.length() > 29 ? text.substring(0, 29) : text;
  }

  private static String logLevel(String text) throws ArgException {
    int named = LOG_LEVELS.indexOf(text.toLowerCase(Locale.ROOT));
    if (named >= 0) {
      return Integer.toString(named);
    }
    if (text.equalsIgnoreCase("panic")) {
      return "0";
    }
    if (text.equalsIgnoreCase("warn")) {
      return "4";
    }
    if (text.equalsIgnoreCase("err")) {
      return "3";
    }
    if (text.length() == 1 && text.charAt(0) >= '0' && text.charAt(0) <= '7') {
      return text;
    }
    throw new ArgException("log level \"" + text + "\" unknown")
        .explained("log levels are 0..7 or emerg, alert, crit, error, warning, notice, info, debug");
  }
}
