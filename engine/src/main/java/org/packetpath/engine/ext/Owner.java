package org.packetpath.engine.ext;

import java.util.ArrayList;
import java.util.List;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.Option;

/** The {@code owner} match: the user and group of the socket that sent the packet. */
final class Owner {
  private Owner() {}

  static ModuleSpec spec() {
    return owner().meaning(Owner::meaning);
  }

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
        .withFinisher(Owner::finishOwner)
        .onlyFrom(Hook.OUTPUT, Hook.POSTROUTING)
        .notSimulated("packets sent by the firewall are treated as owned by root (uid 0, gid 0);"
            + " --socket-exists matches them");
  }

  private static List<Option> finishOwner(RuleContext rule, List<Option> options)
      throws ArgException {
    int gid = Args.indexOf(options, "--gid-owner");
    int suppl = Args.indexOf(options, "--suppl-groups");
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

  /** The user and group that own the firewall's packets: root. */
  static final long ROOT = 0;

  /**
   * Packets sent by the firewall (its own and its answers) are treated as sent from a socket
   * owned by root, uid 0 and gid 0 with no supplementary groups, so {@code --socket-exists}
   * matches them. Forwarded packets have no socket: as in the kernel the match then succeeds
   * only when every option in it is negated and {@code --suppl-groups} is not given.
   */
  private static Condition meaning(List<Option> options) {
    boolean owned = true;
    boolean sockless = true;
    for (Option o : options) {
      switch (o.name()) {
        case "--socket-exists" -> owned &= !o.negated();
        case "--uid-owner", "--gid-owner" -> {
          String[] range = o.arg().split("-");
          long first = Long.parseLong(range[0]);
          long last = Long.parseLong(range[range.length - 1]);
          owned &= (ROOT >= first && ROOT <= last) != o.negated();
        }
        case "--suppl-groups" -> sockless = false;
        default -> throw new IllegalStateException("unknown owner option " + o.name());
      }
      sockless &= o.negated();
    }
    Condition local = Condition.all(new Condition.LocalSocket(), new Condition.Opaque("owner",
        "the user and group of the process that sent the packet; the firewall's own packets"
            + " are taken as root's", new Condition.Fixed(owned)));
    return sockless ? Condition.any(local, new Condition.Not(new Condition.LocalSocket()))
        : local;
  }
}
