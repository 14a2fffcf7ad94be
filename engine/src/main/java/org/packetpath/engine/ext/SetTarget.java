package org.packetpath.engine.ext;

import java.util.List;
import java.util.Optional;
import org.packetpath.engine.rules.Action;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.Option;
import org.packetpath.engine.rules.Table;

/**
 * The {@code SET} target: add the packet's addresses to an ipset, delete them from one, or set
 * the packet's mark, priority and queue from the entry it finds in one ({@code --map-set}).
 */
final class SetTarget {
  private SetTarget() {}

  private static final List<String> MAPS = List.of("--map-mark", "--map-prio", "--map-queue");

  static ModuleSpec spec() {
    return ModuleSpec.target("SET",
            set("--add-set"), OptionSpec.flag("--exist"),
            OptionSpec.one("--timeout", SetTarget::timeout), set("--del-set"), set("--map-set"),
            OptionSpec.flag(MAPS.get(0)), OptionSpec.flag(MAPS.get(1)),
            OptionSpec.flag(MAPS.get(2)))
        .checkedBy(SetTarget::check)
        .withFinisher(SetTarget::kernelChecks)
        .notSimulated("the topology's sets stay as they are: --add-set and --del-set change"
            + " nothing, and --map-set finds no mark, priority or queue to set")
        .does(o -> new Action.Continue("SET", "adds the packet's addresses to an ipset or"
            + " deletes them from one; the topology's sets do not change", false));
  }

  /** {@code --add-set NAME src[,dst...]}: {@code !} before it is accepted and ignored. */
  private static OptionSpec set(String name) {
    return OptionSpec.custom(name, 2,
            (n, neg, args) -> new Option(n, false, SetMatch.nameAndDirections(n, args)))
        .negatable()
        .twice(name + " can be specified only once");
  }

  private static String timeout(String text) throws ArgException {
    Optional<Long> n = CNumbers.strtouiAll(text, 0xfffffffeL);
    if (n.isEmpty()) {
      throw new ArgException("Invalid value for option --timeout or out of range 0-4294967294")
          .explained("the timeout of the added entry is a number of seconds");
    }
    return Long.toString(n.get());
  }

  /** libxt_SET's final check (revision 3), in its order. */
  private static List<Option> check(RuleContext rule, List<Option> options)
      throws ArgException {
    boolean add = Args.has(options, "--add-set");
    boolean map = Args.has(options, "--map-set");
    if (!add && !map && !Args.has(options, "--del-set")) {
      throw new ArgException("You must specify either `--add-set' or `--del-set' or"
          + " `--map-set'").explained("say which set to change, as in --add-set seen src");
    }
    if (!add && Args.has(options, "--exist")) {
      throw new ArgException("Flag `--exist' can be used with `--add-set' only")
          .explained("--exist lets --add-set refresh an entry that is already there");
    }
    if (!add && Args.has(options, "--timeout")) {
      throw new ArgException("Option `--timeout' can be used with `--add-set' only")
          .explained("--timeout is the lifetime of the entry --add-set adds");
    }
    for (String flag : MAPS) {
      if (!map && Args.has(options, flag)) {
        throw new ArgException("Flag `" + flag + "' can be used with `--map-set' only")
            .explained(flag + " says what --map-set copies from the set's entry");
      }
    }
    if (map && MAPS.stream().noneMatch(f -> Args.has(options, f))) {
      throw new ArgException("You must specify flags `--map-mark' or '--map-prio` or"
          + " `--map-queue'").explained("say what --map-set copies from the set's entry");
    }
    return options;
  }

  /** xt_set's checks of {@code --map-set}: the mangle table; priority and queue late. */
  private static List<Option> kernelChecks(RuleContext rule, List<Option> options)
      throws ArgException {
    if (!Args.has(options, "--map-set")) {
      return options;
    }
    if (rule.table() != Table.MANGLE) {
      throw Args.refused("--map-set only usable from mangle table",
          "--map-set sets the packet's mark, priority or queue, which belongs to mangle");
    }
    boolean late = Args.has(options, "--map-prio") || Args.has(options, "--map-queue");
    if (late && Args.isBuiltin(rule, Hook.PREROUTING, Hook.INPUT)) {
      throw Args.refused("mapping of prio or/and queue is allowed only from"
          + " OUTPUT/FORWARD/POSTROUTING chains", "a packet has a priority and a queue only"
          + " on its way out");
    }
    return options;
  }
}
