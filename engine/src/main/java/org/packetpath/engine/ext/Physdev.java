package org.packetpath.engine.ext;

import java.util.List;
import org.packetpath.engine.ext.ModuleSpec.Finisher;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.Option;

/** The {@code physdev} match: the bridge ports a bridged packet crosses. */
final class Physdev {
  private Physdev() {}

  static ModuleSpec spec() {
    return ModuleSpec.match(
            "physdev",
            OptionSpec.flag("--physdev-is-in").negatable(),
            OptionSpec.one("--physdev-in", Physdev::interfaceName).negatable(),
            OptionSpec.flag("--physdev-is-out").negatable(),
            OptionSpec.one("--physdev-out", Physdev::interfaceName).negatable(),
            OptionSpec.flag("--physdev-is-bridged").negatable())
        .checkedBy(Finisher.atLeastOne("PHYSDEV: no physdev option specified",
            "for example -m physdev --physdev-in eth0"))
        .withFinisher(Physdev::finishPhysdev)
        .notSimulated(
            "no packet crosses a bridge, so a physdev match succeeds only when every option in"
                + " it is negated, as in ! --physdev-is-bridged")
        .meaning(Physdev::meaning);
  }

  private static String interfaceName(String name) throws ArgException {
    if (name.length() > 15) {
      throw new ArgException("interface name `" + name + "' must be shorter than IFNAMSIZ (15)")
          .explained("Linux interface names have at most 15 characters");
    }
    return name;
  }

  private static List<Option> finishPhysdev(RuleContext rule, List<Option> options)
      throws ArgException {
    boolean outgoing = Args.has(options, "--physdev-out") || Args.has(options, "--physdev-is-out");
    boolean bridged = Args.find(options, "--physdev-is-bridged").filter(o -> !o.negated()).isPresent();
    if (outgoing && !bridged && Args.isBuiltin(rule, Hook.OUTPUT)) {
      throw Args.refused(
          "physdev match: --physdev-out and --physdev-is-out only supported in the FORWARD and"
              + " POSTROUTING chains with bridged traffic",
          "in OUTPUT the bridge port a packet will leave by is not known yet; add"
              + " --physdev-is-bridged or move the rule to FORWARD or POSTROUTING");
    }
    return options;
  }


  /**
   * No packet crosses a bridge, so, as in the kernel for packets that did not, the match
   * succeeds only when every option in it is negated.
   */
  private static Condition meaning(List<Option> options) {
    boolean allNegated = options.stream().allMatch(Option::negated);
    return new Condition.Opaque("physdev", "the bridge ports the packet crossed; no packet"
        + " crosses a bridge here", new Condition.Fixed(allNegated));
  }
}
