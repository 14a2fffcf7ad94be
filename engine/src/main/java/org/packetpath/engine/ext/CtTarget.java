package org.packetpath.engine.ext;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.packetpath.engine.rules.Action;
import org.packetpath.engine.rules.Option;
import org.packetpath.engine.rules.Table;

/**
 * The {@code CT} target (conntrack templates: no tracking, a helper, a zone, events, a timeout
 * policy) and the older {@code NOTRACK}, both of the raw table.
 */
final class CtTarget {
  private CtTarget() {}

  static final List<String> CT_EVENTS = List.of("new", "related", "destroy", "reply", "assured",
      "protoinfo", "helper", "mark", "natseqinfo", "secmark");

  /** The conntrack helpers the kernel registers, by name, for TCP and for UDP. */
  private static final Map<String, Set<String>> HELPERS = Map.of(
      "tcp", Set.of("ftp", "irc", "sip", "pptp", "sane", "Q.931"),
      "udp", Set.of("tftp", "sip", "snmp", "snmp_trap", "netbios-ns", "amanda", "RAS"));

  private static final List<String> ZONES = List.of("--zone-orig", "--zone-reply", "--zone");

  static ModuleSpec ct() {
    List<OptionSpec> options = new ArrayList<>(List.of(
        OptionSpec.flag("--notrack"),
        OptionSpec.one("--helper", text -> text),
        OptionSpec.one("--timeout", text -> text),
        OptionSpec.one("--ctevents", text -> events(text, CT_EVENTS)),
        OptionSpec.one("--expevents", text -> events(text, List.of("new")))));
    for (String zone : ZONES) {
      options.add(OptionSpec.one(zone, CtTarget::zone));
    }
    return ModuleSpec.target("CT", options.toArray(new OptionSpec[0]))
        .withSaveOrder()
        .onlyIn(Table.RAW)
        .withFinisher(CtTarget::ctFinish)
        .does(o -> o.stream().anyMatch(x -> x.name().equals("--notrack"))
            ? new Action.NoTrack()
            : new Action.Continue("CT", "sets the connection's helper, zone, events or timeout"
                + " policy; not simulated", true));
  }

  private static String events(String text, List<String> known) throws ArgException {
    Set<String> seen = new HashSet<>();
    for (String word : text.split(",", -1)) {
      if (!known.contains(word)) {
        throw new ArgException("Unknown event type \"" + word + "\"")
            .explained("events are a comma-separated list of " + String.join(", ", known));
      }
      seen.add(word);
    }
    return TextArgs.inOrder(known, seen);
  }

  private static String zone(String text) throws ArgException {
    if (text.equalsIgnoreCase("mark")) {
      return "mark";
    }
    Optional<CNumbers.Parsed> n = TargetArgs.strtoul(text, 0, 65535);
    if (n.isEmpty() || n.get().end() != text.length()) {
      throw new ArgException("Cannot parse " + text + " as a zone ID")
          .explained("a conntrack zone is a number from 0 to 65535, or mark to use the packet"
              + " mark");
    }
    return Long.toString(n.get().value());
  }

  private static List<Option> ctFinish(RuleContext rule, List<Option> options)
      throws ArgException {
    boolean notrack = false;
    String helper = "";
    String timeout = "";
    boolean orig = false;
    boolean reply = false;
    boolean byMark = false;
    long zone = 0;
    List<Option> events = new ArrayList<>();
    for (Option o : options) {
      switch (o.name()) {
        case "--notrack" -> notrack = true;
        case "--helper" -> helper = TextArgs.truncated(o.arg(), 15);
        case "--timeout" -> timeout = TextArgs.truncated(o.arg(), 31);
        case "--ctevents", "--expevents" -> events.add(o);
        default -> {
          orig |= o.name().equals("--zone-orig");
          reply |= o.name().equals("--zone-reply");
          byMark |= o.arg().equals("mark");
          zone = o.arg().equals("mark") ? 0 : Long.parseLong(o.arg());
        }
      }
    }
    if (!notrack) {
      checkHelper(rule, helper, timeout);
    }
    List<Option> out = new ArrayList<>();
    if (notrack) {
      out.add(Option.of("--notrack"));
    }
    if (!helper.isEmpty()) {
      out.add(Option.of("--helper", helper));
    }
    if (!timeout.isEmpty()) {
      out.add(Option.of("--timeout", timeout));
    }
    events.sort((a, b) -> a.name().compareTo(b.name()));
    out.addAll(events);
    if (byMark || zone != 0) {
      String name = orig == reply ? "--zone" : orig ? "--zone-orig" : "--zone-reply";
      out.add(Option.of(name, byMark ? "mark" : Long.toString(zone)));
    }
    return out;
  }

  /** What the kernel checks when it sets up a CT template: the helper and the timeout policy. */
  private static void checkHelper(RuleContext rule, String helper, String timeout)
      throws ArgException {
    if (helper.isEmpty() && timeout.isEmpty()) {
      return;
    }
    if (rule.protocol().isEmpty()) {
      throw new ArgException("You must specify a L4 protocol and not use inversions on it")
          .explained("iptables-restore: RULE_APPEND failed ("
              + (helper.isEmpty() ? "Invalid argument" : "No such file or directory")
              + "); a conntrack helper or timeout policy belongs to one protocol: add -p tcp"
              + " or -p udp to the rule");
    }
    String protocol = rule.protocol().get();
    if (!helper.isEmpty() && !HELPERS.getOrDefault(protocol, Set.of()).contains(helper)) {
      throw new ArgException("No such helper \"" + helper + "\"")
          .explained("iptables-restore: RULE_APPEND failed (No such file or directory); the "
              + protocol + " helpers are "
              + String.join(", ", HELPERS.getOrDefault(protocol, Set.of()).stream().sorted()
                  .toList()));
    }
    if (!timeout.isEmpty()) {
      throw new ArgException("No such timeout policy \"" + timeout + "\"")
          .explained("iptables-restore: RULE_APPEND failed (No such file or directory); timeout"
              + " policies are created with the nfct tool, and none exist here");
    }
  }

  static ModuleSpec notrack() {
    return ModuleSpec.target("NOTRACK").onlyIn(Table.RAW).does(options -> new Action.NoTrack());
  }
}
