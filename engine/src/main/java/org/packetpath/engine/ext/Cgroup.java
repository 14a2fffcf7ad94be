package org.packetpath.engine.ext;

import java.util.List;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.Option;

/** The {@code cgroup} match: the control group of the process whose socket sent the packet. */
final class Cgroup {
  private static final String PATH = "--path";
  private static final String CLASSID = "--cgroup";
  /** {@code struct xt_cgroup_info_v2}'s {@code char path[4096]}, less its final NUL. */
  private static final int PATH_LENGTH = 4095;
  /** The cgroup of the firewall's processes: the root of the cgroup2 hierarchy. */
  static final String ROOT = "/";

  private Cgroup() {}

  static ModuleSpec spec() {
    return ModuleSpec.match("cgroup",
            OptionSpec.one(PATH, a -> TextArgs.truncated(a, PATH_LENGTH)).negatable().quoted(),
            OptionSpec.one(CLASSID,
                a -> Long.toString(XtNumbers.xtUnsigned("cgroup", CLASSID, a, 0, Args.U32)))
                .negatable())
        .withFinisher(Cgroup::kernelCheck)
        .onlyFrom(Hook.INPUT, Hook.OUTPUT, Hook.POSTROUTING)
        .notSimulated("packets sent by the firewall come from processes in the root cgroup"
            + " (--path /) with net_cls classid 0; other packets have no socket and never match")
        .meaning(Cgroup::meaning);
  }

  private static List<Option> kernelCheck(RuleContext rule, List<Option> options)
      throws ArgException {
    if (options.isEmpty()) {
      throw TargetArgs.kernelRefusal(rule, "the kernel says \"xt_cgroup: no path or classid"
          + " specified\": give --path or --cgroup");
    }
    if (options.size() == 2) {
      throw TargetArgs.kernelRefusal(rule, "the kernel says \"path and classid specified\":"
          + " give --path or --cgroup, not both");
    }
    return options;
  }

  /**
   * The socket's cgroup is the root, so {@code --path} holds only for {@code /} (every cgroup
   * descends from the root, none from another); its classid is 0. Without a socket (forwarded
   * packets, and arriving ones) the match fails, even negated, as {@code xt_cgroup} does.
   */
  private static Condition meaning(List<Option> options) {
    Option o = options.get(0);
    boolean holds = o.name().equals(PATH) ? o.arg().equals(ROOT) : Long.parseLong(o.arg()) == 0;
    return Condition.all(new Condition.LocalSocket(), new Condition.Opaque("cgroup",
        "the control group of the process that sent the packet; the firewall's own are in the"
            + " root cgroup with classid 0", new Condition.Fixed(holds != o.negated())));
  }
}
