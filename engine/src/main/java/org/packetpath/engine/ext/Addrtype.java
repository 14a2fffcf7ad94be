package org.packetpath.engine.ext;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.Option;

/** The {@code addrtype} match: what the firewall's routes say of an address. */
final class Addrtype {
  private Addrtype() {}

  static ModuleSpec spec() {
    return addrtype().meaning(Addrtype::meaning);
  }

  private static ModuleSpec addrtype() {
    return ModuleSpec.match(
            "addrtype",
            OptionSpec.one("--src-type", PacketArgs::addressTypes).negatable(),
            OptionSpec.one("--dst-type", PacketArgs::addressTypes).negatable(),
            OptionSpec.flag("--limit-iface-in"),
            OptionSpec.flag("--limit-iface-out"))
        .withFinisher(Addrtype::finishAddrtype);
  }

  private static List<Option> finishAddrtype(RuleContext rule, List<Option> options)
      throws ArgException {
    if (!Args.has(options, "--src-type") && !Args.has(options, "--dst-type")) {
      throw new ArgException("addrtype: you must specify --src-type or --dst-type")
          .explained("for example -m addrtype --dst-type LOCAL");
    }
    boolean in = Args.has(options, "--limit-iface-in");
    boolean out = Args.has(options, "--limit-iface-out");
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

  private static Condition meaning(List<Option> options) {
    Optional<Condition.Direction> limit = Optional.empty();
    if (Args.has(options, "--limit-iface-in")) {
      limit = Optional.of(Condition.Direction.IN);
    } else if (Args.has(options, "--limit-iface-out")) {
      limit = Optional.of(Condition.Direction.OUT);
    }
    List<Condition> parts = new ArrayList<>();
    for (Option o : options) {
      boolean source = o.name().equals("--src-type");
      if (!source && !o.name().equals("--dst-type")) {
        continue;
      }
      Set<Condition.RouteType> types = EnumSet.noneOf(Condition.RouteType.class);
      for (String t : o.arg().split(",")) {
        types.add(Condition.RouteType.valueOf(t));
      }
      parts.add(Condition.not(o.negated(), new Condition.AddressType(
          source ? Condition.Side.SOURCE : Condition.Side.DESTINATION, types, limit)));
    }
    return Condition.all(parts);
  }
}
