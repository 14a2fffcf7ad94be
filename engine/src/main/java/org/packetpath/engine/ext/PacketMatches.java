package org.packetpath.engine.ext;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.Option;

/**
 * Matches on fields of the packet and its metadata: {@code iprange}, {@code limit}, {@code mac},
 * {@code mark}, {@code connmark}, {@code addrtype}, {@code length}, {@code ttl}, {@code tos},
 * {@code dscp}, {@code pkttype} and {@code owner}, with the defaults, checks and placement of
 * iptables 1.8.9 (nf_tables). Their arguments are read by {@link PacketArgs}.
 */
final class PacketMatches {
  private PacketMatches() {}

  static List<ModuleSpec> all() {
    return List.of(
        iprange(), limit(), mac(), mark("mark"), mark("connmark"), addrtype(), length(), ttl(),
        tos(), dscp(), pkttype(), owner());
  }

  // ---- iprange ---------------------------------------------------------------------------------

  private static ModuleSpec iprange() {
    return ModuleSpec.match(
            "iprange",
            OptionSpec.one("--src-range", a -> PacketArgs.range(a, "--src-range")).negatable(),
            OptionSpec.one("--dst-range", a -> PacketArgs.range(a, "--dst-range")).negatable())
        .withFinisher(
            (rule, options) -> {
              if (options.isEmpty()) {
                throw new ArgException(
                        "iprange match: You must specify `--src-range' or `--dst-range'")
                    .explained("for example -m iprange --src-range 10.0.0.10-10.0.0.20");
              }
              return options;
            });
  }

  // ---- limit -----------------------------------------------------------------------------------

  private static ModuleSpec limit() {
    OptionSpec limit = OptionSpec.one("--limit", PacketArgs::rate);
    OptionSpec burst = OptionSpec.one("--limit-burst", PacketArgs::burst);
    return ModuleSpec.match("limit", limit, burst)
        .withFinisher(
            (rule, options) -> {
              List<Option> out = new ArrayList<>();
              if (options.stream().noneMatch(o -> o.name().equals("--limit"))) {
                out.add(Option.of("--limit", "3/hour"));
              }
              for (Option o : options) {
                // A burst of 0 becomes the kernel's default of 5, which is not printed.
                boolean defaultBurst = o.name().equals("--limit-burst")
                    && (o.arg().equals("5") || o.arg().equals("0"));
                if (!defaultBurst) {
                  out.add(o);
                }
              }
              return out;
            });
  }

  // ---- mac -------------------------------------------------------------------------------------

  private static ModuleSpec mac() {
    return ModuleSpec.match(
            "mac", OptionSpec.one("--mac-source", PacketArgs::macAddress).negatable())
        .withFinisher(Finishers.required("mac", "--mac-source"))
        .onlyFrom(Hook.PREROUTING, Hook.INPUT, Hook.FORWARD);
  }

  // ---- mark and connmark -----------------------------------------------------------------------

  private static ModuleSpec mark(String module) {
    return ModuleSpec.match(
            module, OptionSpec.one("--mark", a -> PacketArgs.markMask(a, module)).negatable())
        .withFinisher(Finishers.required(module, "--mark"));
  }

  // ---- addrtype --------------------------------------------------------------------------------

  private static ModuleSpec addrtype() {
    return ModuleSpec.match(
            "addrtype",
            OptionSpec.one("--src-type", PacketArgs::addressTypes).negatable(),
            OptionSpec.one("--dst-type", PacketArgs::addressTypes).negatable(),
            OptionSpec.flag("--limit-iface-in"),
            OptionSpec.flag("--limit-iface-out"))
        .withFinisher(PacketMatches::finishAddrtype);
  }

  private static List<Option> finishAddrtype(RuleContext rule, List<Option> options)
      throws ArgException {
    if (!has(options, "--src-type") && !has(options, "--dst-type")) {
      throw new ArgException("addrtype: you must specify --src-type or --dst-type")
          .explained("for example -m addrtype --dst-type LOCAL");
    }
    boolean in = has(options, "--limit-iface-in");
    boolean out = has(options, "--limit-iface-out");
    if (in && out) {
      throw new ArgException(
              "addrtype: option \"--limit-iface-in\" cannot be used together with"
                  + " \"--limit-iface-out\".")
          .explained("the address type is looked up for one interface only");
    }
    // The kernel knows the hook only for built-in chains; user chains pass unchecked.
    Optional<Hook> hook = rule.table().builtinHook(rule.chain());
    if (out && hook.filter(h -> h == Hook.PREROUTING || h == Hook.INPUT).isPresent()) {
      throw new ArgException("output interface limitation not valid in PREROUTING and INPUT")
          .explained("iptables-restore: RULE_APPEND failed (Invalid argument); packets in "
              + rule.chain() + " have no outgoing interface yet");
    }
    if (in && hook.filter(h -> h == Hook.POSTROUTING || h == Hook.OUTPUT).isPresent()) {
      throw new ArgException("input interface limitation not valid in POSTROUTING and OUTPUT")
          .explained("iptables-restore: RULE_APPEND failed (Invalid argument); packets in "
              + rule.chain() + " have no incoming interface");
    }
    return options;
  }

  // ---- length ----------------------------------------------------------------------------------

  private static ModuleSpec length() {
    return ModuleSpec.match(
            "length", OptionSpec.one("--length", PacketArgs::lengthRange).negatable())
        .withFinisher(Finishers.required("length", "--length"));
  }

  // ---- ttl -------------------------------------------------------------------------------------

  /** ttl's options in the order iptables' option table lists them (its exclusion checks use it). */
  private static final List<String> TTL_TABLE = List.of("--ttl-lt", "--ttl-gt", "--ttl-eq");

  /** ttl's options by internal number ({@code --ttl-eq} first). */
  private static final List<String> TTL_IDS = List.of("--ttl-eq", "--ttl-lt", "--ttl-gt");

  private static ModuleSpec ttl() {
    OptionSpec eq = ttlOption("--ttl-eq").negatable().alias("--ttl");
    return ModuleSpec.match("ttl", eq, ttlOption("--ttl-lt"), ttlOption("--ttl-gt"))
        .withFinisher(
            (rule, options) -> {
              if (options.isEmpty()) {
                throw new ArgException(
                        "TTL match: You must specify one of `--ttl-eq', `--ttl-lt', `--ttl-gt")
                    .explained("for example -m ttl --ttl-lt 5");
              }
              exclusive("ttl", options, TTL_TABLE, TTL_IDS);
              return options;
            });
  }

  private static OptionSpec ttlOption(String name) {
    return OptionSpec.one(name, a -> PacketArgs.ttl(a, name));
  }

  /**
   * Fails as iptables' final option check does when options that exclude each other were used
   * together: the first used option in table order is named against the first other used
   * option in internal-number order.
   */
  private static void exclusive(
      String module, List<Option> options, List<String> table, List<String> ids)
      throws ArgException {
    for (String entry : table) {
      if (!has(options, entry)) {
        continue;
      }
      for (String other : ids) {
        if (!other.equals(entry) && has(options, other)) {
          throw new ArgException(module + ": option \"" + entry
                  + "\" cannot be used together with \"" + other + "\".")
              .explained("give only one of " + String.join(", ", table));
        }
      }
    }
  }

  // ---- tos and dscp ----------------------------------------------------------------------------

  private static ModuleSpec tos() {
    return ModuleSpec.match("tos", OptionSpec.one("--tos", PacketArgs::tosValue).negatable())
        .withFinisher(Finishers.required("tos", "--tos"));
  }

  private static ModuleSpec dscp() {
    OptionSpec value = OptionSpec.one("--dscp", PacketArgs::dscpValue).negatable();
    OptionSpec dsClass = OptionSpec.one("--dscp-class", PacketArgs::dscpClass).negatable();
    return ModuleSpec.match("dscp", value, dsClass)
        .withFinisher(
            (rule, options) -> {
              if (options.isEmpty()) {
                throw new ArgException("DSCP match: Parameter --dscp is required")
                    .explained("give --dscp with a number 0..63 or --dscp-class with a class"
                        + " name such as EF");
              }
              exclusive("dscp", options, List.of("--dscp", "--dscp-class"),
                  List.of("--dscp", "--dscp-class"));
              // --dscp-class keeps its own name until here, so that giving both options is
              // reported as iptables does; the class then prints as its code point.
              Option o = options.get(0);
              return List.of(new Option("--dscp", o.negated(), o.args()));
            });
  }

  // ---- pkttype ---------------------------------------------------------------------------------

  private static ModuleSpec pkttype() {
    OptionSpec type = OptionSpec.one("--pkt-type", PacketArgs::packetType).negatable();
    return ModuleSpec.match("pkttype", type)
        .withFinisher(Finishers.required("pkttype", "--pkt-type"));
  }

  // ---- owner -----------------------------------------------------------------------------------

  private static final List<String> OWNER_ORDER =
      List.of("--socket-exists", "--uid-owner", "--gid-owner", "--suppl-groups");

  private static ModuleSpec owner() {
    OptionSpec uid = OptionSpec.one("--uid-owner", PacketArgs::userId).negatable();
    OptionSpec gid = OptionSpec.one("--gid-owner", PacketArgs::groupId).negatable();
    return ModuleSpec.match(
            "owner", uid, gid, OptionSpec.flag("--socket-exists").negatable(),
            OptionSpec.flag("--suppl-groups"))
        // --gid-owner and --suppl-groups stay in the order given so that the finisher can see
        // whether --suppl-groups came first; the finisher puts them in print order.
        .withSaveOrder("--socket-exists", "--uid-owner")
        .withFinisher(PacketMatches::finishOwner)
        .onlyFrom(Hook.OUTPUT, Hook.POSTROUTING)
        .notSimulated("packets sent by the firewall are treated as owned by root (uid 0, gid 0);"
            + " --socket-exists matches them");
  }

  private static List<Option> finishOwner(RuleContext rule, List<Option> options)
      throws ArgException {
    int gid = indexOf(options, "--gid-owner");
    int suppl = indexOf(options, "--suppl-groups");
    if (suppl >= 0 && (gid < 0 || gid > suppl)) {
      throw new ArgException("owner: Bad value for \"--suppl-groups\" option: \"you need to use"
              + " --gid-owner first\"")
          .explained("--suppl-groups widens --gid-owner, so write --gid-owner before it");
    }
    if (options.isEmpty()) {
      throw new ArgException(
              "owner: At least one of --uid-owner, --gid-owner or --socket-exists is required")
          .explained("for example -m owner --uid-owner 1000");
    }
    for (Option o : options) {
      String[] range = o.args().isEmpty() ? new String[0] : o.arg().split("-");
      if (range.length == 2 && Long.parseLong(range[0]) > Long.parseLong(range[1])) {
        throw new ArgException(
                "RULE_APPEND failed (Invalid argument): rule in chain " + rule.chain())
            .explained("the kernel refuses the " + o.name() + " range " + o.arg()
                + ": write the smaller id first");
      }
    }
    List<Option> sorted = new ArrayList<>();
    for (String name : OWNER_ORDER) {
      options.stream().filter(o -> o.name().equals(name)).forEach(sorted::add);
    }
    return sorted;
  }

  // ---- shared ----------------------------------------------------------------------------------

  private static boolean has(List<Option> options, String name) {
    return indexOf(options, name) >= 0;
  }

  private static int indexOf(List<Option> options, String name) {
    for (int i = 0; i < options.size(); i++) {
      if (options.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
