package org.packetpath.engine.ext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.Option;

/** The {@code devgroup} match: the group of the interface the packet came in or goes out by. */
final class Devgroup {
  private static final String SRC = "--src-group";
  private static final String DST = "--dst-group";

  /** The names of Debian's {@code /etc/iproute2/group}. */
  private static final Map<String, Long> GROUPS = Map.of("default", 0L);

  /** The group every interface is in until {@code ip link set DEV group N} moves it. */
  static final long DEFAULT_GROUP = 0;

  private Devgroup() {}

  static ModuleSpec spec() {
    return ModuleSpec.match("devgroup", group(SRC), group(DST))
        .checkedBy(ModuleSpec.Finisher.atLeastOne(
            "devgroup match: You must specify either '--src-group' or '--dst-group'",
            "for example --src-group 1 for packets that came in by an interface of group 1"))
        .withFinisher(Devgroup::checkHooks)
        .meaning(Devgroup::meaning);
  }

  private static OptionSpec group(String name) {
    return OptionSpec.one(name, a -> NamedValues.valueMask("devgroup", name, a, GROUPS))
        .negatable();
  }

  /** The kernel's check: the incoming device only where there is one, the outgoing likewise. */
  private static List<Option> checkHooks(RuleContext rule, List<Option> options)
      throws ArgException {
    if (Args.has(options, SRC) && Args.isBuiltin(rule, Hook.OUTPUT, Hook.POSTROUTING)) {
      throw TargetArgs.kernelRefusal(rule, "--src-group tests the interface a packet came in by,"
          + " which packets in OUTPUT and POSTROUTING have not got");
    }
    if (Args.has(options, DST) && Args.isBuiltin(rule, Hook.PREROUTING, Hook.INPUT)) {
      throw TargetArgs.kernelRefusal(rule, "--dst-group tests the interface a packet goes out"
          + " by, which packets in PREROUTING and INPUT have not got");
    }
    return options;
  }

  /**
   * The topology gives interfaces no groups, so every one is in the default group 0, as Linux
   * creates them: an option matches when {@code (0 ^ group) & mask} is 0, that is when the
   * group has no bit under the mask ({@code !} inverts it).
   */
  private static Condition meaning(List<Option> options) {
    List<Condition> parts = new ArrayList<>();
    for (Option o : options) {
      long[] group = NamedValues.parse(o.arg(), GROUPS);
      boolean holds = ((group[0] ^ DEFAULT_GROUP) & group[1]) == 0;
      parts.add(holds != o.negated() ? Condition.TRUE : Condition.FALSE);
    }
    return Condition.all(parts);
  }
}
