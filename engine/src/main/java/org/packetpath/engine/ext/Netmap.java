package org.packetpath.engine.ext;

import java.util.Optional;
import org.packetpath.engine.net.Ipv4;
import org.packetpath.engine.rules.Action;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.Table;

/** The {@code NETMAP} target: map addresses into another network of the same size. */
final class Netmap {
  private Netmap() {}

  static ModuleSpec spec() {
    return ModuleSpec.target("NETMAP", OptionSpec.one("--to", Netmap::netmapNetwork))
        .onlyIn(Table.NAT)
        .onlyFrom(Hook.PREROUTING, Hook.INPUT, Hook.OUTPUT, Hook.POSTROUTING)
        .withRules(OptionRules.of("--to").mandatory("--to"))
        .does(options -> {
          String to = options.get(0).arg();
          int slash = to.indexOf('/');
          return new Action.Netmap(Ipv4.parse(to.substring(0, slash)).orElseThrow(),
              Integer.parseInt(to.substring(slash + 1)));
        });
  }


  /**
   * {@code address[/mask]} as NETMAP prints it: host bits cleared, prefix length always shown. A
   * prefix over 32, or a mask with holes, means a single address (/32).
   */
  private static String netmapNetwork(String text) throws ArgException {
    int slash = text.indexOf('/');
    String host = slash < 0 ? text : text.substring(0, slash);
    Optional<Integer> address = CNumbers.inetAton(host);
    if (address.isEmpty()) {
      throw new ArgException("getaddrinfo: Name or service not known")
          .explained("expected a network such as 10.1.0.0/16; host names are not resolved in"
              + " rules files");
    }
    int mask = slash < 0 ? -1 : netmapMask(text.substring(slash + 1));
    int prefix = Ipv4.prefixOf(mask).orElse(32);
    int effective = Ipv4.mask(prefix);
    return Ipv4.format(address.get() & effective) + "/" + prefix;
  }

  private static int netmapMask(String text) throws ArgException {
    ArgException bad =
        new ArgException("NETMAP: bad value for option \"--to\", neither a valid network mask"
            + " nor valid CIDR (0-32).")
            .explained("the mask is a prefix length such as 16 or a netmask such as 255.255.0.0");
    if (text.indexOf('.') >= 0) {
      int mask = CNumbers.inetAton(text).orElseThrow(() -> bad);
      return Ipv4.prefixOf(mask).isPresent() ? mask : -1;
    }
    Optional<CNumbers.Parsed> n = TargetArgs.strtoul(text, 0, 0xffffffffL);
    if (n.isEmpty() || n.get().end() != text.length()) {
      throw bad;
    }
    return Ipv4.mask((int) Math.min(32, n.get().value()));
  }
}
