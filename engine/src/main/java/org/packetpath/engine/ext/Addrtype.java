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
    return ModuleSpec.match(
            "addrtype",
            OptionSpec.one("--src-type", Addrtype::addressTypes).negatable(),
            OptionSpec.one("--dst-type", Addrtype::addressTypes).negatable(),
            OptionSpec.flag("--limit-iface-in"),
            OptionSpec.flag("--limit-iface-out"))
        .withFinisher(Addrtype::finishAddrtype)
        .meaning(Addrtype::meaning);
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

  // ---- arguments ---------------------------------------------------------------------------

  static final List<String> ADDRESS_TYPES =
      List.of(
          "UNSPEC", "UNICAST", "LOCAL", "BROADCAST", "ANYCAST", "MULTICAST", "BLACKHOLE",
          "UNREACHABLE", "PROHIBIT", "THROW", "NAT", "XRESOLVE");

  /**
   * A comma-separated list of address types; each word may be any leading part of a type name,
   * in any case, and the first type it begins is taken ({@code U} is UNSPEC).
   */
  static String addressTypes(String text) throws ArgException {
    boolean[] seen = new boolean[ADDRESS_TYPES.size()];
    String rest = text;
    int comma;
    while ((comma = rest.indexOf(',')) >= 0) {
      if (comma == 0 || !addressType(rest.substring(0, comma), seen)) {
        throw badType("addrtype: bad type `" + rest + "'");
      }
      rest = rest.substring(comma + 1);
    }
    if (rest.isEmpty() || !addressType(rest, seen)) {
      throw badType("addrtype: bad type \"" + rest + "\"");
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < seen.length; i++) {
      if (seen[i]) {
        names.add(ADDRESS_TYPES.get(i));
      }
    }
    return String.join(",", names);
  }

  private static boolean addressType(String word, boolean[] seen) {
    for (int i = 0; i < ADDRESS_TYPES.size(); i++) {
      String type = ADDRESS_TYPES.get(i);
      if (Args.startsWithIgnoreCase(type, word)) {
        seen[i] = true;
        return true;
      }
    }
    return false;
  }

  private static ArgException badType(String message) {
    return new ArgException(message)
        .explained("address types are " + String.join(", ", ADDRESS_TYPES)
            + ", separated by commas");
  }
}
