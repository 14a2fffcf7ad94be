package org.packetpath.engine.ext;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.packetpath.engine.net.CNumbers;
import java.util.Set;
import java.util.function.BiPredicate;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.Option;
import org.packetpath.engine.rules.Table;

/**
 * Targets that change or hand over packets without answering them: {@code MARK}, {@code
 * CONNMARK}, {@code CT}, {@code NOTRACK}, {@code TRACE}, {@code TCPMSS}, {@code NFLOG} and {@code
 * NFQUEUE}.
 *
 * <p>Several of them read their options in the order given (a later {@code --mask} overrides a
 * mask set before it, the last of {@code --set-mss} and {@code --clamp-mss-to-pmtu} wins): those
 * have no save order, so their finishers see the options as written and build the canonical list.
 *
 * <p>It is long because it holds eight targets' option tables, whose option order and exclusions
 * iptables enforces one by one.
 */
final class PacketTargets {
  private PacketTargets() {}

  private static final long U32 = 0xffffffffL;

  static List<ModuleSpec> all() {
    return List.of(mark(), connmark(), ct(), notrack(), trace(), tcpmss(), nflog(), nfqueue());
  }

  // ---- numbers as iptables reads them --------------------------------------------------------

  /** A number read from the start of a text, and the index just after it. */
  record CNumber(long value, int end) {}

  /**
   * The number at the start of {@code text} as {@code xtables_strtoul} reads it (leading blanks
   * and {@code +} allowed, {@code 0x} hex, leading-zero octal, anything may follow), if there is
   * one, it is not negative and it lies in {@code min..max}.
   */
  static Optional<CNumber> strtoul(String text, long min, long max) {
    return CNumbers.strtoul(text, 0)
        .filter(p -> p.value() >= min && p.value() <= max)
        .map(p -> new CNumber(p.value(), p.end()));
  }


  /** The value of an ASCII digit in {@code base}, or -1. */
  private static int digit(char c, int base) {
    return c < 128 ? Character.digit(c, base) : -1;
  }

  /** A whole-text number in {@code 0..max}, or iptables' "bad value" error. */
  private static long whole(String module, String option, String text, long max)
      throws ArgException {
    Optional<CNumber> n = strtoul(text, 0, max);
    if (n.isEmpty() || n.get().end() != text.length()) {
      throw new ArgException(module + ": bad value for option \"" + option
          + "\", or out of range (0-" + max + ").")
          .explained(option + " takes a number from 0 to " + max + " (decimal, or hex as 0x..)");
    }
    return n.get().value();
  }

  private static OptionSpec number(String module, String option, long max, boolean hex) {
    return OptionSpec.one(option, text -> {
      long value = whole(module, option, text, max);
      return hex ? Args.hex(value) : Long.toString(value);
    });
  }

  /** {@code value[/mask]} of 32-bit numbers as {@code 0xVALUE/0xMASK}, mask default all ones. */
  private static OptionSpec markMask(String module, String option) {
    return OptionSpec.one(option, text -> {
      ArgException bad = new ArgException(module + ": bad integer value for option \"" + option
          + "\", or out of range.")
          .explained(option + " takes value[/mask], each a 32-bit number such as 0x10/0xff");
      Optional<CNumber> value = strtoul(text, 0, U32);
      if (value.isEmpty()) {
        throw bad;
      }
      String rest = text.substring(value.get().end());
      long mask = U32;
      if (!rest.isEmpty() && rest.charAt(0) == '/') {
        Optional<CNumber> m = strtoul(rest.substring(1), 0, U32);
        if (m.isEmpty()) {
          throw bad;
        }
        mask = m.get().value();
        rest = rest.substring(1 + m.get().end());
      }
      if (!rest.isEmpty()) {
        throw new ArgException(module + ": trailing garbage after value for option \"" + option
            + "\".")
            .explained("unexpected \"" + rest + "\": write value or value/mask");
      }
      return Args.hex(value.get().value()) + "/" + Args.hex(mask);
    });
  }

  private static long[] valueMask(Option option) {
    String[] parts = option.arg().split("/", -1);
    long value = Long.decode(parts[0]);
    return new long[] {value, parts.length > 1 ? Long.decode(parts[1]) : U32};
  }

  private static long value(Option option) {
    return Long.decode(option.arg());
  }

  /**
   * The "cannot be used together" check as iptables makes it: the options in table order, each
   * against the others in the order of their internal ids.
   */
  private static void exclusive(String module, List<Option> options, List<String> tableOrder,
      List<String> idOrder, BiPredicate<String, String> excludes) throws ArgException {
    Set<String> used = new HashSet<>();
    options.forEach(o -> used.add(o.name()));
    for (String entry : tableOrder) {
      for (String other : idOrder) {
        if (!entry.equals(other) && used.contains(entry) && used.contains(other)
            && excludes.test(entry, other)) {
          throw new ArgException(module + ": option \"" + entry
              + "\" cannot be used together with \"" + other + "\".")
              .explained(entry + " and " + other + " are different operations: split them into"
                  + " two rules");
        }
      }
    }
  }

  private static ArgException kernelRefusal(RuleContext rule, String reason) {
    return new ArgException("RULE_APPEND failed (Invalid argument): rule in chain "
        + rule.chain()).explained(reason);
  }

  // ---- MARK ----------------------------------------------------------------------------------

  private static final List<String> MARK_TABLE =
      List.of("--set-xmark", "--set-mark", "--and-mark", "--or-mark", "--xor-mark");
  private static final List<String> MARK_IDS =
      List.of("--set-mark", "--and-mark", "--or-mark", "--xor-mark", "--set-xmark");

  private static ModuleSpec mark() {
    return ModuleSpec.target(
            "MARK",
            markMask("MARK", "--set-xmark"),
            markMask("MARK", "--set-mark"),
            number("MARK", "--and-mark", U32, true),
            number("MARK", "--or-mark", U32, true),
            number("MARK", "--xor-mark", U32, true))
        .withFinisher(
            (rule, options) -> {
              if (options.isEmpty()) {
                throw new ArgException("MARK: One of the --set-xmark, --{and,or,xor,set}-mark"
                    + " options is required")
                    .explained("say what to do with the packet mark, as in --set-mark 1");
              }
              exclusive("MARK", options, MARK_TABLE, MARK_IDS, (a, b) -> true);
              return List.of(xmark(options.get(0)));
            });
  }

  /** Any mark operation as the {@code --set-xmark value/mask} iptables-save prints. */
  private static Option xmark(Option op) {
    long value;
    long mask;
    switch (op.name()) {
      case "--set-mark" -> {
        long[] vm = valueMask(op);
        value = vm[0];
        mask = vm[0] | vm[1];
      }
      case "--and-mark" -> {
        value = 0;
        mask = ~value(op) & U32;
      }
      case "--or-mark" -> {
        value = value(op);
        mask = value;
      }
      case "--xor-mark" -> {
        value = value(op);
        mask = 0;
      }
      default -> {
        long[] vm = valueMask(op);
        value = vm[0];
        mask = vm[1];
      }
    }
    return Option.of("--set-xmark", Args.hex(value) + "/" + Args.hex(mask));
  }

  // ---- CONNMARK ------------------------------------------------------------------------------

  private static final List<String> CONNMARK_OPS = List.of("--set-xmark", "--set-mark",
      "--and-mark", "--or-mark", "--xor-mark", "--save-mark", "--restore-mark");
  private static final List<String> CONNMARK_TABLE = List.of("--set-xmark", "--set-mark",
      "--and-mark", "--or-mark", "--xor-mark", "--save-mark", "--restore-mark",
      "--left-shift-mark", "--right-shift-mark", "--ctmask", "--nfmask", "--mask");
  private static final List<String> CONNMARK_IDS = List.of("--set-mark", "--save-mark",
      "--restore-mark", "--and-mark", "--or-mark", "--xor-mark", "--left-shift-mark",
      "--right-shift-mark", "--set-xmark", "--ctmask", "--nfmask", "--mask");

  private static ModuleSpec connmark() {
    return ModuleSpec.target(
            "CONNMARK",
            markMask("CONNMARK", "--set-xmark"),
            markMask("CONNMARK", "--set-mark"),
            number("CONNMARK", "--and-mark", U32, true),
            number("CONNMARK", "--or-mark", U32, true),
            number("CONNMARK", "--xor-mark", U32, true),
            OptionSpec.flag("--save-mark"),
            OptionSpec.flag("--restore-mark"),
            number("CONNMARK", "--left-shift-mark", 32, false),
            number("CONNMARK", "--right-shift-mark", 32, false),
            number("CONNMARK", "--ctmask", U32, true),
            number("CONNMARK", "--nfmask", U32, true),
            number("CONNMARK", "--mask", U32, true))
        .withSaveOrder()
        .withFinisher(PacketTargets::connmarkFinish);
  }

  private static List<Option> connmarkFinish(RuleContext rule, List<Option> options)
      throws ArgException {
    if (options.stream().noneMatch(o -> CONNMARK_OPS.contains(o.name()))) {
      throw new ArgException("CONNMARK target: No operation specified")
          .explained("add --set-mark, --save-mark or --restore-mark (or --and/--or/--xor-mark)");
    }
    exclusive("CONNMARK", options, CONNMARK_TABLE, CONNMARK_IDS,
        (a, b) -> (CONNMARK_OPS.contains(a) && CONNMARK_OPS.contains(b))
            || (a.equals("--mask") != b.equals("--mask")
                && Set.of("--mask", "--ctmask", "--nfmask").containsAll(List.of(a, b))));
    String mode = "";
    long ctmark = 0;
    long ctmask = U32;
    long nfmask = U32;
    String shift = "--left-shift-mark";
    long bits = 0;
    for (Option o : options) {
      switch (o.name()) {
        case "--save-mark", "--restore-mark" -> mode = o.name();
        case "--mask" -> {
          ctmask = value(o);
          nfmask = ctmask;
        }
        case "--ctmask" -> ctmask = value(o);
        case "--nfmask" -> nfmask = value(o);
        case "--left-shift-mark", "--right-shift-mark" -> {
          shift = o.name();
          bits = value(o);
        }
        default -> {
          String[] xmark = xmark(o).arg().split("/");
          mode = "--set-xmark";
          ctmark = Long.decode(xmark[0]);
          ctmask = Long.decode(xmark[1]);
        }
      }
    }
    if (bits > 31) {
      throw kernelRefusal(rule, "the kernel refuses to shift a mark by " + bits
          + " bits: a 32-bit mark can be shifted by 0 to 31 bits");
    }
    List<Option> out = new ArrayList<>();
    if (mode.equals("--set-xmark")) {
      out.add(Option.of("--set-xmark", Args.hex(ctmark) + "/" + Args.hex(ctmask)));
    } else {
      out.add(Option.of(mode));
      out.add(Option.of("--nfmask", Args.hex(nfmask)));
      out.add(Option.of("--ctmask", Args.hex(ctmask)));
    }
    if (bits != 0) {
      out.add(Option.of(shift, Long.toString(bits)));
    }
    return out;
  }

  // ---- CT, NOTRACK, TRACE --------------------------------------------------------------------

  static final List<String> CT_EVENTS = List.of("new", "related", "destroy", "reply", "assured",
      "protoinfo", "helper", "mark", "natseqinfo", "secmark");

  /** The conntrack helpers the kernel registers, by name, for TCP and for UDP. */
  private static final Map<String, Set<String>> HELPERS = Map.of(
      "tcp", Set.of("ftp", "irc", "sip", "pptp", "sane", "Q.931"),
      "udp", Set.of("tftp", "sip", "snmp", "snmp_trap", "netbios-ns", "amanda", "RAS"));

  private static final List<String> ZONES = List.of("--zone-orig", "--zone-reply", "--zone");

  private static ModuleSpec ct() {
    List<OptionSpec> options = new ArrayList<>(List.of(
        OptionSpec.flag("--notrack"),
        OptionSpec.one("--helper", text -> text),
        OptionSpec.one("--timeout", text -> text),
        OptionSpec.one("--ctevents", text -> events(text, CT_EVENTS)),
        OptionSpec.one("--expevents", text -> events(text, List.of("new")))));
    for (String zone : ZONES) {
      options.add(OptionSpec.one(zone, PacketTargets::zone));
    }
    return ModuleSpec.target("CT", options.toArray(new OptionSpec[0]))
        .withSaveOrder()
        .onlyIn(Table.RAW)
        .withFinisher(PacketTargets::ctFinish);
  }

  private static String events(String text, List<String> known) throws ArgException {
    boolean[] seen = new boolean[known.size()];
    for (String word : text.split(",", -1)) {
      int i = known.indexOf(word);
      if (i < 0) {
        throw new ArgException("Unknown event type \"" + word + "\"")
            .explained("events are a comma-separated list of " + String.join(", ", known));
      }
      seen[i] = true;
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < known.size(); i++) {
      if (seen[i]) {
        out.add(known.get(i));
      }
    }
    return String.join(",", out);
  }

  private static String zone(String text) throws ArgException {
    if (text.equalsIgnoreCase("mark")) {
      return "mark";
    }
    Optional<CNumber> n = strtoul(text, 0, 65535);
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
        case "--helper" -> helper = o.arg().length() > 15 ? o.arg().substring(0, 15) : o.arg();
        case "--timeout" -> timeout = o.arg().length() > 31 ? o.arg().substring(0, 31) : o.arg();
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

  private static ModuleSpec notrack() {
    return ModuleSpec.target("NOTRACK").onlyIn(Table.RAW);
  }

  private static ModuleSpec trace() {
    return ModuleSpec.target("TRACE");
  }

  // ---- TCPMSS --------------------------------------------------------------------------------

  private static ModuleSpec tcpmss() {
    return ModuleSpec.target(
            "TCPMSS",
            number("TCPMSS", "--set-mss", 65515, false),
            OptionSpec.flag("--clamp-mss-to-pmtu"))
        .withSaveOrder()
        .notSimulated("the MSS option is not rewritten; the packet continues")
        .withFinisher(
            (rule, options) -> {
              if (options.isEmpty()) {
                throw new ArgException("TCPMSS target: At least one parameter is required")
                    .explained("give --set-mss SIZE or --clamp-mss-to-pmtu");
              }
              if (!rule.protocolIs("tcp")) {
                throw new ArgException("TCPMSS target: only valid for protocol 6")
                    .explained("iptables-restore: RULE_APPEND failed (Invalid argument); the MSS"
                        + " is a TCP option: add -p tcp (usually with --tcp-flags SYN,RST SYN)");
              }
              Option last = options.get(options.size() - 1);
              Optional<Hook> hook = rule.table().builtinHook(rule.chain());
              if (last.name().equals("--clamp-mss-to-pmtu") && hook.isPresent()
                  && (hook.get() == Hook.PREROUTING || hook.get() == Hook.INPUT)) {
                throw new ArgException("path-MTU clamping only supported in FORWARD, OUTPUT and"
                    + " POSTROUTING hooks")
                    .explained("iptables-restore: RULE_APPEND failed (Invalid argument); the path"
                        + " MTU is only known once the packet has been routed");
              }
              return List.of(last);
            });
  }

  // ---- NFLOG ---------------------------------------------------------------------------------

  private static ModuleSpec nflog() {
    OptionSpec prefix = OptionSpec.one("--nflog-prefix", text -> {
      if (text.isEmpty()) {
        throw new ArgException("Argument must have a minimum length of 1 characters")
            .explained("give a short text such as \"DROP: \"");
      }
      return text.length() > 127 ? text.substring(0, 127) : text;
    }).quoted();
    return ModuleSpec.target(
            "NFLOG",
            prefix,
            number("NFLOG", "--nflog-group", 65535, false),
            number("NFLOG", "--nflog-range", U32, false),
            number("NFLOG", "--nflog-size", U32, false),
            number("NFLOG", "--nflog-threshold", 65535, false))
        .withFinisher(
            (rule, options) -> {
              exclusive("NFLOG", options, List.of("--nflog-range", "--nflog-size"),
                  List.of("--nflog-range", "--nflog-size"), (a, b) -> true);
              return options.stream()
                  .filter(o -> !o.name().equals("--nflog-range"))
                  .filter(o -> !(o.name().equals("--nflog-group") && o.arg().equals("0")))
                  .filter(o -> !(o.name().equals("--nflog-threshold") && o.arg().equals("0")))
                  .toList();
            });
  }

  // ---- NFQUEUE -------------------------------------------------------------------------------

  private static ModuleSpec nfqueue() {
    return ModuleSpec.target(
            "NFQUEUE",
            number("NFQUEUE", "--queue-num", 65535, false),
            OptionSpec.one("--queue-balance", PacketTargets::queueRange),
            OptionSpec.flag("--queue-bypass"),
            OptionSpec.flag("--queue-cpu-fanout"))
        .notSimulated("with no program reading the queue the packet is dropped, or accepted with"
            + " --queue-bypass")
        .withFinisher(PacketTargets::nfqueueFinish);
  }

  private static String queueRange(String text) throws ArgException {
    List<Long> values = new ArrayList<>();
    int at = 0;
    while (true) {
      if (values.size() == 2) {
        throw new ArgException("NFQUEUE: Too many components for option \"--queue-balance\""
            + " (max: 2)").explained("write the first and last queue, as in 0:3");
      }
      String rest = text.substring(at);
      int end;
      if (rest.isEmpty() || rest.charAt(0) == ':') {
        values.add(values.size() == 1 ? 65535L : 0L);
        end = at;
      } else {
        Optional<CNumber> n = strtoul(rest, 0, 65535);
        if (n.isEmpty()) {
          throw new ArgException("NFQUEUE: bad value for option \"--queue-balance\" near \""
              + rest + "\", or out of range (0-65535).")
              .explained("queue numbers go from 0 to 65535");
        }
        end = at + n.get().end();
        if (end < text.length() && text.charAt(end) != ':') {
          throw new ArgException("NFQUEUE: Argument to \"--queue-balance\" has unexpected"
              + " characters near \"" + text.substring(end) + "\".")
              .explained("write the first and last queue with a colon, as in 0:3");
        }
        values.add(n.get().value());
      }
      if (end >= text.length()) {
        break;
      }
      at = end + 1;
    }
    if (values.size() != 2) {
      throw new ArgException("Bad range \"" + text + "\"")
          .explained("--queue-balance takes the first and last queue, as in 0:3");
    }
    if (values.get(0) >= values.get(1)) {
      throw new ArgException(values.get(0) + " should be less than " + values.get(1))
          .explained("a balance range needs at least two queues; for one queue use --queue-num");
    }
    return values.get(0) + ":" + values.get(1);
  }

  private static List<Option> nfqueueFinish(RuleContext rule, List<Option> options)
      throws ArgException {
    exclusive("NFQUEUE", options, List.of("--queue-num"), List.of("--queue-balance"),
        (a, b) -> true);
    boolean balance = options.stream().anyMatch(o -> o.name().equals("--queue-balance"));
    boolean fanout = options.stream().anyMatch(o -> o.name().equals("--queue-cpu-fanout"));
    if (fanout && !balance) {
      throw new ArgException("NFQUEUE: option \"--queue-cpu-fanout\" also requires"
          + " \"--queue-balance\".")
          .explained("--queue-cpu-fanout spreads packets over the queues of --queue-balance");
    }
    Optional<Option> range = options.stream()
        .filter(o -> o.name().equals("--queue-balance")).findFirst();
    if (range.isPresent() && range.get().arg().equals("0:65535")) {
      throw new ArgException("number of total queues is 0")
          .explained("iptables-restore: RULE_APPEND failed (Invalid argument); 0:65535 is 65536"
              + " queues, one more than the kernel can count");
    }
    List<Option> out = new ArrayList<>(options);
    if (!balance && out.stream().noneMatch(o -> o.name().equals("--queue-num"))) {
      out.add(0, Option.of("--queue-num", "0"));
    }
    return out;
  }
}
