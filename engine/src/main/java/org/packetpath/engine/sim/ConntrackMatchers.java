package org.packetpath.engine.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.packetpath.engine.rules.CtState;
import org.packetpath.engine.rules.Match;
import org.packetpath.engine.rules.Option;

/** The conntrack and state matches, as {@code xt_conntrack} evaluates them. */
final class ConntrackMatchers {
  private ConntrackMatchers() {}

  static Predicate<Visit> state(Match m) {
    Option o = m.options().get(0);
    return Matchers.negate(o.negated(), states(o.arg()));
  }

  /** The state set of {@code --ctstate}/{@code --state}; SNAT and DNAT test the NAT status. */
  private static Predicate<Visit> states(String list) {
    List<Predicate<Visit>> any = new ArrayList<>();
    for (String s : list.split(",")) {
      any.add(switch (s) {
        case "SNAT" -> v -> v.ct().filter(Visit.ConnView::sourceNat).isPresent();
        case "DNAT" -> v -> v.ct().filter(Visit.ConnView::destinationNat).isPresent();
        default -> {
          CtState state = CtState.valueOf(s);
          yield v -> v.ctState() == state;
        }
      });
    }
    return v -> any.stream().anyMatch(t -> t.test(v));
  }

  /**
   * As {@code conntrack_mt}: the state test first; then a packet without a connection matches
   * only if the match has a state test (so {@code ! --ctstatus ASSURED} does not match it);
   * the other options are tested, with their negation, on the connection.
   */
  static Predicate<Visit> conntrack(Match m) {
    List<Predicate<Visit>> state = new ArrayList<>();
    List<Predicate<Visit>> others = new ArrayList<>();
    for (Option o : m.options()) {
      (o.name().equals("--ctstate") ? state : others).add(Matchers.negate(o.negated(), option(o)));
    }
    Predicate<Visit> stateTest = Matchers.all(state);
    Predicate<Visit> otherTests = Matchers.all(others);
    boolean hasState = !state.isEmpty();
    return v -> stateTest.test(v) && (v.ct().isEmpty() ? hasState : otherTests.test(v));
  }

  private static Predicate<Visit> option(Option o) {
    String arg = o.arg();
    return switch (o.name()) {
      case "--ctstate" -> states(arg);
      case "--ctproto" -> {
        int protocol = Integer.parseInt(arg);
        yield ct(c -> c.original().protocol() == protocol);
      }
      case "--ctorigsrc" -> address(arg, c -> c.original().source());
      case "--ctorigdst" -> address(arg, c -> c.original().destination());
      case "--ctreplsrc" -> address(arg, c -> c.replyTuple().source());
      case "--ctrepldst" -> address(arg, c -> c.replyTuple().destination());
      case "--ctorigsrcport" -> port(arg, c -> c.original().sourcePort());
      case "--ctorigdstport" -> port(arg, c -> c.original().destinationPort());
      case "--ctreplsrcport" -> port(arg, c -> c.replyTuple().sourcePort());
      case "--ctrepldstport" -> port(arg, c -> c.replyTuple().destinationPort());
      case "--ctstatus" -> status(arg);
      case "--ctexpire" -> ct(c -> true); // entries do not expire in the simulator
      case "--ctdir" -> arg.equals("REPLY") ? ct(Visit.ConnView::reply) : ct(c -> !c.reply());
      default -> throw new IllegalStateException("unknown conntrack option " + o.name());
    };
  }

  /** A test on the connection; a packet without one never matches. */
  private static Predicate<Visit> ct(Predicate<Visit.ConnView> test) {
    return v -> v.ct().filter(test).isPresent();
  }

  private static Predicate<Visit> address(String arg,
      java.util.function.ToIntFunction<Visit.ConnView> field) {
    Predicate<Integer> test = Matchers.addressTest(arg);
    return ct(c -> test.test(field.applyAsInt(c)));
  }

  private static Predicate<Visit> port(String arg,
      java.util.function.ToIntFunction<Visit.ConnView> field) {
    int[] range = Matchers.portRange(arg);
    return ct(c -> {
      int p = field.applyAsInt(c);
      return p >= range[0] && p <= range[1];
    });
  }

  private static Predicate<Visit> status(String list) {
    List<Predicate<Visit.ConnView>> any = new ArrayList<>();
    for (String s : list.split(",")) {
      any.add(switch (s) {
        case "NONE" -> c -> !c.seenReply() && !c.assured() && !c.confirmed();
        case "EXPECTED" -> c -> false;
        case "SEEN_REPLY" -> Visit.ConnView::seenReply;
        case "ASSURED" -> Visit.ConnView::assured;
        case "CONFIRMED" -> Visit.ConnView::confirmed;
        default -> throw new IllegalStateException("unknown ctstatus " + s);
      });
    }
    Optional<Predicate<Visit.ConnView>> joined = any.stream().reduce(Predicate::or);
    return ct(joined.orElse(c -> false));
  }
}
