package org.packetpath.engine.ext;

import static org.packetpath.engine.ext.TargetArgs.U32;

import java.util.List;
import org.packetpath.engine.rules.Action;

/**
 * {@code CLUSTERIP} and {@code ULOG}: iptables 1.8.9 still reads them, but Linux dropped them
 * (CLUSTERIP in 6.3, ULOG in 3.17), so the kernel refuses every rule that uses one. Their
 * options are read as iptables reads them, for its errors; then the rule is refused.
 */
final class RemovedTargets {
  private RemovedTargets() {}

  static List<ModuleSpec> all() {
    return List.of(clusterip(), ulog());
  }

  static ModuleSpec clusterip() {
    String[] needNew = {"--hashmode", "--clustermac", "--total-nodes", "--local-node",
        "--hash-init"};
    OptionRules rules = OptionRules.of("--new", "--hashmode", "--clustermac", "--total-nodes",
        "--local-node", "--hash-init");
    for (String n : needNew) {
      rules = rules.needs(n, "--new");
    }
    return ModuleSpec.target("CLUSTERIP",
            OptionSpec.flag("--new"),
            OptionSpec.oneOf("--hashmode", List.of("sourceip", "sourceip-sourceport",
                "sourceip-sourceport-destport"), false, "Unknown hashmode \"%s\"",
                "the hash modes are sourceip, sourceip-sourceport and"
                    + " sourceip-sourceport-destport"),
            OptionSpec.one("--clustermac", RemovedTargets::clusterMac),
            number("CLUSTERIP", "--total-nodes", 0, 16),
            number("CLUSTERIP", "--local-node", 0, 16),
            number("CLUSTERIP", "--hash-init", 0, U32))
        .checkedBy((rule, options) -> {
          if (!options.isEmpty() && options.size() < 5) {
            throw new ArgException("CLUSTERIP target: Invalid parameter combination")
                .explained("a new cluster IP needs --new, --hashmode, --clustermac,"
                    + " --total-nodes and --local-node");
          }
          return options;
        })
        .withRules(rules)
        .withFinisher((rule, options) -> {
          throw removed("CLUSTERIP", "Linux 6.3; the cluster match with a multicast MAC address"
              + " does the same job");
        })
        .does(o -> new Action.Continue("CLUSTERIP", "removed from the kernel", false));
  }

  private static String clusterMac(String text) throws ArgException {
    if (!text.matches("(?i)[0-9a-f]{1,2}(:[0-9a-f]{1,2}){5}")) {
      throw new ArgException("CLUSTERIP: Error parsing --clustermac: " + text)
          .explained("write a MAC address such as 01:00:5e:00:00:20");
    }
    if ((Integer.parseInt(text.split(":")[0], 16) & 1) == 0) {
      throw new ArgException("MAC has to be a multicast ethernet address")
          .explained("the first byte of a multicast MAC address is odd, as in 01:00:5e:..");
    }
    return text.toLowerCase(java.util.Locale.ROOT);
  }

  static ModuleSpec ulog() {
    return ModuleSpec.target("ULOG",
            number("ULOG", "--ulog-nlgroup", 1, 32),
            OptionSpec.one("--ulog-prefix", t -> TextArgs.nonEmpty(t, 31,
                "Argument must have a minimum length of 1 characters",
                "give a short text such as \"DROP: \"")).quoted(),
            number("ULOG", "--ulog-cprange", 0, Long.MAX_VALUE),
            number("ULOG", "--ulog-qthreshold", 1, 50))
        .withFinisher((rule, options) -> {
          throw removed("ULOG", "Linux 3.17; use NFLOG, which logs to the same kind of"
              + " reader");
        })
        .does(o -> new Action.Continue("ULOG", "removed from the kernel", false));
  }

  private static OptionSpec number(String module, String name, long min, long max) {
    return OptionSpec.one(name, t -> Long.toUnsignedString(
        XtNumbers.xtUnsigned(module, name, t, min, max)));
  }

  /** The refusal of a target the kernel no longer has, in iptables-restore's words. */
  private static ArgException removed(String target, String since) {
    return new ArgException("Extension " + target + " revision 0 not supported, missing kernel"
        + " module?").explained("iptables-restore: RULE_APPEND failed (No such file or"
            + " directory); the " + target + " target was removed from the kernel in " + since);
  }
}
