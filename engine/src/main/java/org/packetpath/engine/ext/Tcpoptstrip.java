package org.packetpath.engine.ext;

import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.TreeSet;
import org.packetpath.engine.rules.Action;
import org.packetpath.engine.rules.Table;

/**
 * The {@code TCPOPTSTRIP} target of the mangle table: remove options from TCP headers. The
 * simulator's packets carry no TCP options, so it changes nothing.
 */
final class Tcpoptstrip {
  private Tcpoptstrip() {}

  /** The option names iptables knows, and their kinds. */
  private static final List<String> NAMES =
      List.of("wscale", "mss", "sack-permitted", "sack", "timestamp", "md5");

  private static final int[] KINDS = {3, 2, 4, 5, 8, 19};

  static ModuleSpec spec() {
    return ModuleSpec.target("TCPOPTSTRIP",
            OptionSpec.one("--strip-options", Tcpoptstrip::kinds))
        .onlyIn(Table.MANGLE)
        .notSimulated("TCP options are not modelled; the packet continues unchanged")
        .withFinisher((rule, options) -> {
          if (rule.table() == Table.MANGLE) { // elsewhere the kernel reports the table first
            TargetArgs.requireTcp(rule, "TCPOPTSTRIP", "TCP options are stripped from TCP"
                + " packets only: add -p tcp");
          }
          return options;
        })
        .does(options -> new Action.Continue("TCPOPTSTRIP", "strips "
            + (options.isEmpty() ? "no" : "the " + options.get(0).arg())
            + " options from TCP headers; not simulated", false));
  }

  /** A list of option names or kinds 2..255, each once, printed as kinds in order. */
  private static String kinds(String text) throws ArgException {
    TreeSet<Integer> kinds = new TreeSet<>();
    for (String word : text.split(",", -1)) {
      int i = NAMES.indexOf(word);
      Optional<Long> kind = i >= 0 ? Optional.of((long) KINDS[i])
          : CNumbers.strtouiAll(word, 255);
      if (kind.isEmpty()) {
        throw new ArgException("Bad TCP option value \"" + word + "\"")
            .explained("TCP options are numbers 2..255 or the names " + String.join(", ", NAMES));
      }
      if (kind.get() < 2) {
        throw new ArgException("Option value may not be 0 or 1")
            .explained("kinds 0 and 1 mark the end of the options and padding");
      }
      if (!kinds.add(kind.get().intValue())) {
        throw new ArgException("Option \"" + word + "\" already specified")
            .explained("name each option once");
      }
    }
    StringJoiner out = new StringJoiner(",");
    kinds.forEach(k -> out.add(Integer.toString(k)));
    return out.toString();
  }
}
