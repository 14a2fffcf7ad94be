package org.packetpath.engine.ext;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.Option;

/** The {@code owner} match: the user and group of the socket that sent the packet. */
final class Owner {
  private static final List<String> OWNER_ORDER =
      List.of("--socket-exists", "--uid-owner", "--gid-owner", "--suppl-groups");

  /** The fixed users of Debian's base-passwd, which iptables would look up in /etc/passwd. */
  private static final Map<String, Long> USERS = ids("""
      root:0 daemon:1 bin:2 sys:3 sync:4 games:5 man:6 lp:7 mail:8 news:9 uucp:10 proxy:13
      www-data:33 backup:34 list:38 irc:39 nobody:65534""");

  /** The fixed groups of Debian's base-passwd, which iptables would look up in /etc/group. */
  private static final Map<String, Long> GROUPS = ids("""
      root:0 daemon:1 bin:2 sys:3 adm:4 tty:5 disk:6 lp:7 mail:8 news:9 uucp:10 man:12
      proxy:13 kmem:15 dialout:20 fax:21 voice:22 cdrom:24 floppy:25 tape:26 sudo:27 audio:29
      dip:30 www-data:33 backup:34 operator:37 list:38 irc:39 src:40 shadow:42 utmp:43
      video:44 sasl:45 plugdev:46 staff:50 games:60 users:100 nogroup:65534""");

  private Owner() {}

  static ModuleSpec spec() {
    OptionSpec uid = OptionSpec.one("--uid-owner", Owner::userId).negatable();
    OptionSpec gid = OptionSpec.one("--gid-owner", Owner::groupId).negatable();
    return ModuleSpec.match(
            "owner", uid, gid, OptionSpec.flag("--socket-exists").negatable(),
            OptionSpec.flag("--suppl-groups"))
        // --gid-owner and --suppl-groups stay in the order given so that the finisher can see
        // whether --suppl-groups came first; the finisher puts them in print order.
        .withSaveOrder("--socket-exists", "--uid-owner")
        .withFinisher(Owner::finishOwner)
        .onlyFrom(Hook.OUTPUT, Hook.POSTROUTING)
        .notSimulated("packets sent by the firewall are treated as owned by root (uid 0, gid 0);"
            + " --socket-exists matches them")
        .meaning(Owner::meaning);
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

  // ---- arguments ---------------------------------------------------------------------------

  /** A user name or uid, or a uid range, for {@code --uid-owner}. */
  static String userId(String text) throws ArgException {
    return ownerId(text, USERS, "--uid-owner");
  }

  /** A group name or gid, or a gid range, for {@code --gid-owner}. */
  static String groupId(String text) throws ArgException {
    return ownerId(text, GROUPS, "--gid-owner");
  }

  /** A user or group name, or a number or range {@code FROM-TO} (or {@code FROM:TO}). */
  private static String ownerId(String text, Map<String, Long> names, String option)
      throws ArgException {
    Long named = names.get(text);
    if (named != null) {
      return Long.toString(named);
    }
    long max = 0xfffffffeL;
    Optional<CNumbers.Parsed> from = CNumbers.strtoui(text, 0, max);
    if (from.isEmpty()) {
      throw badOwner(text, option);
    }
    long to = from.get().value();
    int end = from.get().end();
    if (end < text.length() && (text.charAt(end) == '-' || text.charAt(end) == ':')) {
      Optional<CNumbers.Parsed> second = CNumbers.strtoui(text, end + 1, max);
      if (second.isEmpty()) {
        throw badOwner(text, option);
      }
      to = second.get().value();
      end = second.get().end();
    }
    if (end != text.length()) {
      throw badOwner(text, option);
    }
    long min = from.get().value();
    return min == to ? Long.toString(min) : min + "-" + to;
  }

  /** The names and ids of a table written as {@code name:id} words. */
  private static Map<String, Long> ids(String table) {
    return Arrays.stream(table.strip().split("\\s+"))
        .map(entry -> entry.split(":"))
        .collect(Collectors.toUnmodifiableMap(entry -> entry[0], entry -> Long.valueOf(entry[1])));
  }

  private static ArgException badOwner(String text, String option) {
    String what = option.equals("--uid-owner") ? "user" : "group";
    return new ArgException("owner: Bad value for \"" + option + "\" option: \"" + text + "\"")
        .explained("give a numeric " + what + " id or range such as 1000-1999; only the standard"
            + " Debian " + what + " names (root, www-data, nobody ...) are known here");
  }
}
