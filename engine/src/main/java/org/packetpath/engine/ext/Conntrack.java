package org.packetpath.engine.ext;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.packetpath.engine.ext.ModuleSpec.Finisher;
import org.packetpath.engine.net.Protocols;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.CtState;
import org.packetpath.engine.rules.Field;
import org.packetpath.engine.rules.Option;

/** Connection-tracking matches: {@code conntrack} and its older alias {@code state}. */
final class Conntrack {
  private Conntrack() {}

  static final List<String> CT_STATES =
      List.of("INVALID", "NEW", "RELATED", "ESTABLISHED", "UNTRACKED", "SNAT", "DNAT");
  static final List<String> STATES =
      List.of("INVALID", "NEW", "RELATED", "ESTABLISHED", "UNTRACKED");
  static final List<String> CT_STATUS =
      List.of("NONE", "EXPECTED", "SEEN_REPLY", "ASSURED", "CONFIRMED");

  static List<ModuleSpec> all() {
    return List.of(conntrack(), state());
  }

  private static ModuleSpec conntrack() {
    OptionSpec state =
        OptionSpec.one("--ctstate", a -> Args.flagList(a, CT_STATES, true, "Bad ctstate \"%s\""))
            .negatable();
    OptionSpec proto =
        OptionSpec.one(
                "--ctproto",
                a ->
                    Protocols.number(a)
                        .map(String::valueOf)
                        .orElseThrow(
                            () -> new ArgException("unknown protocol \"" + a + "\" specified")))
            .negatable();
    OptionSpec status =
        OptionSpec.one(
                "--ctstatus",
                a -> {
                  String list = Args.flagList(a, CT_STATUS, true, "Bad ctstatus \"%s\"");
                  return list.startsWith("NONE,") ? list.substring(5) : list;
                })
            .negatable();
    OptionSpec expire =
        OptionSpec.one("--ctexpire", Conntrack::expire).negatable();
    OptionSpec dir = OptionSpec.oneOf("--ctdir", List.of("ORIGINAL", "REPLY"), true,
        "Unknown --ctdir value \"%s\"", "--ctdir is ORIGINAL or REPLY");
    return ModuleSpec.match(
            "conntrack",
            state,
            proto,
            address("--ctorigsrc"),
            address("--ctorigdst"),
            address("--ctreplsrc"),
            address("--ctrepldst"),
            port("--ctorigsrcport"),
            port("--ctorigdstport"),
            port("--ctreplsrcport"),
            port("--ctrepldstport"),
            status,
            expire,
            dir)
        .checkedBy(Finisher.atLeastOne("conntrack: At least one option is required",
            "for example -m conntrack --ctstate ESTABLISHED,RELATED"))
        .meaning(Conntrack::conntrackMeaning);
  }

  /**
   * As {@code conntrack_mt}: the state test first; then a packet without a connection matches
   * only if the match has a state test (so {@code ! --ctstatus ASSURED} does not match it);
   * the other options are tested, each with its own {@code !}, on the connection.
   */
  private static Condition conntrackMeaning(List<Option> options) {
    List<Condition> states = new ArrayList<>();
    List<Condition> others = new ArrayList<>();
    for (Option o : options) {
      boolean state = o.name().equals("--ctstate");
      (state ? states : others).add(Condition.not(o.negated(), option(o)));
    }
    if (others.isEmpty()) {
      return Condition.all(states);
    }
    if (states.isEmpty()) {
      others.add(0, new Condition.HasConnection());
      return Condition.all(others);
    }
    states.add(Condition.any(new Condition.Not(new Condition.HasConnection()),
        Condition.all(others)));
    return Condition.all(states);
  }

  private static Condition option(Option o) {
    String arg = o.arg();
    return switch (o.name()) {
      case "--ctstate" -> states(arg);
      case "--ctproto" -> Condition.is(Field.CT_PROTOCOL, Long.parseLong(arg));
      case "--ctorigsrc" -> Meanings.network(Field.CT_ORIG_SOURCE, arg);
      case "--ctorigdst" -> Meanings.network(Field.CT_ORIG_DESTINATION, arg);
      case "--ctreplsrc" -> Meanings.network(Field.CT_REPLY_SOURCE, arg);
      case "--ctrepldst" -> Meanings.network(Field.CT_REPLY_DESTINATION, arg);
      case "--ctorigsrcport" -> Condition.in(Field.CT_ORIG_SOURCE_PORT, Meanings.range(arg));
      case "--ctorigdstport" ->
          Condition.in(Field.CT_ORIG_DESTINATION_PORT, Meanings.range(arg));
      case "--ctreplsrcport" -> Condition.in(Field.CT_REPLY_SOURCE_PORT, Meanings.range(arg));
      case "--ctrepldstport" ->
          Condition.in(Field.CT_REPLY_DESTINATION_PORT, Meanings.range(arg));
      case "--ctstatus" -> status(arg);
      case "--ctexpire" -> new Condition.Opaque("conntrack", "the seconds left before the"
          + " connection's entry expires; entries do not expire in the simulator, so it holds",
          new Condition.Fixed(true));
      case "--ctdir" -> new Condition.CtDirection(arg.equals("REPLY"));
      default -> throw new IllegalStateException("unknown conntrack option " + o.name());
    };
  }

  /** A state list; SNAT and DNAT are conntrack's virtual states for translated connections. */
  private static Condition states(String list) {
    Set<CtState> states = EnumSet.noneOf(CtState.class);
    List<Condition> any = new ArrayList<>();
    for (String s : list.split(",")) {
      switch (s) {
        case "SNAT" -> any.add(new Condition.CtStatus(Set.of(Condition.Status.SRC_NAT)));
        case "DNAT" -> any.add(new Condition.CtStatus(Set.of(Condition.Status.DST_NAT)));
        default -> states.add(CtState.valueOf(s));
      }
    }
    if (!states.isEmpty()) {
      any.add(0, new Condition.CtStates(states));
    }
    return Condition.any(any);
  }

  /** A status list; NONE is a connection with none of SEEN_REPLY, ASSURED and CONFIRMED. */
  private static Condition status(String list) {
    Set<Condition.Status> bits = EnumSet.noneOf(Condition.Status.class);
    List<Condition> any = new ArrayList<>();
    for (String s : list.split(",")) {
      if (s.equals("NONE")) {
        any.add(Condition.all(new Condition.HasConnection(), new Condition.Not(
            new Condition.CtStatus(Set.of(Condition.Status.SEEN_REPLY, Condition.Status.ASSURED,
                Condition.Status.CONFIRMED)))));
      } else {
        bits.add(Condition.Status.valueOf(s));
      }
    }
    if (!bits.isEmpty()) {
      any.add(new Condition.CtStatus(bits));
    }
    return Condition.any(any);
  }

  private static OptionSpec address(String name) {
    return OptionSpec.one(name, Args::hostOrNetwork).negatable();
  }

  private static OptionSpec port(String name) {
    return OptionSpec.one(name, Ports::servicePortRange).negatable();
  }

  private static String expire(String text) throws ArgException {
    int colon = text.indexOf(':');
    if (colon < 0) {
      return Long.toString(Args.number(text, 0, 0xffffffffL, "ctexpire"));
    }
    long min = Args.number(text.substring(0, colon), 0, 0xffffffffL, "ctexpire");
    long max = Args.number(text.substring(colon + 1), 0, 0xffffffffL, "ctexpire");
    return min == max ? Long.toString(min) : min + ":" + max;
  }

  private static ModuleSpec state() {
    OptionSpec state =
        OptionSpec.one("--state", a -> Args.flagList(a, STATES, true, "Bad state \"%s\""))
            .negatable();
    return ModuleSpec.matchRequiring("state", state)
        .meaning(options -> Meanings.perOption(options, o -> states(o.arg())));
  }
}
