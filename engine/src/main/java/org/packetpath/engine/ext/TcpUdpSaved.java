package org.packetpath.engine.ext;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.packetpath.engine.packet.TcpFlags;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Field;
import org.packetpath.engine.rules.Match;
import org.packetpath.engine.rules.Option;

/**
 * The tcp and udp matches of a rule as each backend keeps them, and as its iptables-save prints
 * them back: iptables-nft merges them into one match, and both backends leave out tests the
 * kernel still makes.
 */
public final class TcpUdpSaved {
  private TcpUdpSaved() {}

  /**
   * A rule's matches as the kernel keeps them and iptables-save prints them back.
   *
   * @param matches the matches, in print order
   * @param lossy positions, among the matches given, of the tcp and udp matches whose printed
   *     form does not mean what the kernel tests
   */
  public record Stored(List<Match> matches, List<Integer> lossy) {
    public Stored {
      matches = List.copyOf(matches);
      lossy = List.copyOf(lossy);
    }
  }

  /**
   * The matches of one rule as stored by iptables-nft ({@code nft}) or iptables-legacy.
   *
   * <p>Both print a tcp or udp match kept as an x_tables match with libxt_tcp's save: a port
   * test covering 0:65535 is left out even when negated, and so is a {@code --tcp-flags} with
   * an empty mask unless negated; the kernel still tests them ({@code ! --sport 0:65535} and
   * {@code --tcp-flags NONE SYN} never match). Legacy keeps every match that way.
   *
   * <p>iptables-nft turns a tcp or udp match into nf_tables expressions unless it has a {@code
   * --tcp-option} or tests nothing: the flags only when their mask is not empty, the ports only
   * when they do not cover 0:65535, a single source and destination port negated alike as one
   * test of both. iptables-nft-save reads the expressions of all such matches of a rule back
   * into one match, where the first of them was: the later test of a port or of the flags
   * replaces the earlier, a {@code !} stays once given, a negated {@code :N} becomes {@code
   * N+1:65535}. A match with no expression is gone ({@code --tcp-flags NONE SYN} matches every
   * packet there).
   */
  public static Stored stored(List<Match> matches, boolean nft) {
    if (keptAsWritten(matches)) {
      return new Stored(matches, List.of());
    }
    List<Match> out = new ArrayList<>(matches.size());
    List<Integer> lossy = new ArrayList<>();
    Header merged = null;
    int mergedAt = -1;
    String mergedModule = "";
    List<Integer> natives = new ArrayList<>();
    List<Condition> kernel = new ArrayList<>();
    for (int i = 0; i < matches.size(); i++) {
      Match m = matches.get(i);
      if (!m.module().equals("tcp") && !m.module().equals("udp")) {
        out.add(m);
        continue;
      }
      Header h = Header.of(m);
      if (!nft || h.compat()) {
        out.add(h.printedLike(m));
        if (h.hidesATest()) {
          lossy.add(i);
        }
        continue;
      }
      List<Expr> exprs = h.expressions();
      if (exprs.isEmpty()) {
        continue;
      }
      if (merged == null) {
        merged = new Header(h.protocol);
        mergedAt = out.size();
        mergedModule = m.module();
        out.add(m);
      }
      natives.add(i);
      for (Expr e : exprs) {
        e.applyTo(merged);
        kernel.addAll(e.conditions());
      }
    }
    if (merged != null) {
      List<Option> printed = merged.save();
      List<Expr> again = merged.expressions();
      List<Condition> reread = new ArrayList<>();
      again.forEach(e -> reread.addAll(e.conditions()));
      Match first = out.get(mergedAt);
      boolean combinedNegation = again.stream().anyMatch(e -> e.kind == Expr.Kind.BOTH_NE);
      Condition condition;
      if (!new HashSet<>(kernel).equals(new HashSet<>(reread))) {
        lossy.addAll(natives);
        condition = Condition.all(withProtocol(merged.protocol, kernel));
      } else if (combinedNegation) {
        condition = Condition.all(withProtocol(merged.protocol, reread));
      } else {
        condition = natives.size() == 1 && printed.equals(first.options()) ? first.condition()
            : TcpUdp.meaning(merged.protocol, printed);
      }
      out.set(mergedAt, new Match(mergedModule, printed, condition));
    }
    return new Stored(out, lossy);
  }

  /**
   * Whether both backends keep and print {@code matches} as they are: no tcp or udp match, or
   * one that tests only ports, each once, none negated, none the full range 0:65535 (the rules
   * most files are made of, decided without building their expressions).
   */
  private static boolean keptAsWritten(List<Match> matches) {
    int portMatches = 0;
    for (Match m : matches) {
      if (!m.module().equals("tcp") && !m.module().equals("udp")) {
        continue;
      }
      if (++portMatches > 1 || m.options().isEmpty()) {
        return false;
      }
      for (Option o : m.options()) {
        boolean port = o.name().equals("--sport") || o.name().equals("--dport");
        if (!port || o.negated() || o.arg().equals("0:65535")) {
          return false;
        }
      }
    }
    return true;
  }

  private static List<Condition> withProtocol(int protocol, List<Condition> tests) {
    List<Condition> all = new ArrayList<>();
    all.add(Meanings.protocol(protocol));
    all.addAll(tests);
    return all;
  }

  /** A tcp or udp match as {@code struct xt_tcp} holds it (xt_udp: the ports only). */
  private static final class Header {
    final int protocol;
    final int[] src = {0, 65535};
    final int[] dst = {0, 65535};
    boolean invSrc;
    boolean invDst;
    boolean invFlags;
    boolean invOption;
    int option;
    int mask;
    int cmp;

    Header(int protocol) {
      this.protocol = protocol;
    }

    static Header of(Match m) {
      Header h = new Header(m.module().equals("tcp") ? 6 : 17);
      for (Option o : m.options()) {
        switch (o.name()) {
          case "--sport" -> {
            ports(o.arg(), h.src);
            h.invSrc = o.negated();
          }
          case "--dport" -> {
            ports(o.arg(), h.dst);
            h.invDst = o.negated();
          }
          case "--tcp-flags" -> {
            h.mask = TcpUdp.flags(o.args().get(0));
            h.cmp = TcpUdp.flags(o.args().get(1));
            h.invFlags = o.negated();
          }
          case "--tcp-option" -> {
            h.option = Integer.parseInt(o.arg());
            h.invOption = o.negated();
          }
          default -> throw new IllegalStateException("unknown tcp/udp option " + o.name());
        }
      }
      return h;
    }

    private static void ports(String canonical, int[] into) {
      int colon = canonical.indexOf(':');
      into[0] = Integer.parseInt(colon < 0 ? canonical : canonical.substring(0, colon));
      into[1] = colon < 0 ? into[0] : Integer.parseInt(canonical.substring(colon + 1));
    }

    private static boolean full(int[] ports) {
      return ports[0] == 0 && ports[1] == 65535;
    }

    /** Whether iptables-nft keeps the match as an x_tables match: a TCP option, or no test. */
    boolean compat() {
      boolean zero = full(src) && full(dst) && !invSrc && !invDst && !invFlags && !invOption
          && option == 0 && mask == 0 && cmp == 0;
      return zero || option != 0 || invOption;
    }

    /** Whether libxt_tcp's save leaves out a test the kernel makes and that can fail. */
    boolean hidesATest() {
      return (full(src) && invSrc) || (full(dst) && invDst) || (mask == 0 && !invFlags && cmp != 0);
    }

    /** {@code m} with the options libxt_tcp's save prints; its meaning, if they keep it. */
    Match printedLike(Match m) {
      List<Option> printed = save();
      if (printed.equals(m.options())) {
        return m;
      }
      return new Match(m.module(), printed,
          hidesATest() ? m.condition() : TcpUdp.meaning(protocol, printed));
    }

    /** The options as libxt_tcp's and libxt_udp's save print them. */
    List<Option> save() {
      List<Option> out = new ArrayList<>();
      if (!full(src)) {
        out.add(new Option("--sport", invSrc, List.of(range(src))));
      }
      if (!full(dst)) {
        out.add(new Option("--dport", invDst, List.of(range(dst))));
      }
      if (option != 0 || invOption) {
        out.add(new Option("--tcp-option", invOption, List.of(Integer.toString(option))));
      }
      if (mask != 0 || invFlags) {
        out.add(new Option("--tcp-flags", invFlags,
            List.of(TcpFlags.format(mask), TcpFlags.format(cmp))));
      }
      return out;
    }

    private static String range(int[] ports) {
      return ports[0] == ports[1] ? Integer.toString(ports[0]) : ports[0] + ":" + ports[1];
    }

    /** The nf_tables expressions iptables-nft makes of this match, in its order. */
    List<Expr> expressions() {
      List<Expr> out = new ArrayList<>();
      if (mask != 0) {
        out.add(new Expr(Expr.Kind.FLAGS, invFlags, mask, cmp));
      }
      if (src[0] != 0 && src[0] == src[1] && dst[0] != 0 && dst[0] == dst[1] && invSrc == invDst) {
        out.add(new Expr(invSrc ? Expr.Kind.BOTH_NE : Expr.Kind.BOTH_EQ, false, src[0], dst[0]));
        return out;
      }
      port(out, Field.SOURCE_PORT, src, invSrc);
      port(out, Field.DESTINATION_PORT, dst, invDst);
      return out;
    }

    private static void port(List<Expr> out, Field field, int[] ports, boolean negated) {
      if (ports[0] == 0 && ports[1] == 65535) {
        return;
      }
      if (ports[0] == 0 && ports[0] != ports[1]) {
        out.add(new Expr(negated ? Expr.Kind.ABOVE : Expr.Kind.UP_TO, false, ports[1], 0, field));
      } else {
        out.add(new Expr(Expr.Kind.RANGE, negated, ports[0], ports[1], field));
      }
    }
  }

  /** One nf_tables test of a tcp or udp header, as iptables-nft makes and reads it. */
  private static final class Expr {
    enum Kind { FLAGS, RANGE, UP_TO, ABOVE, BOTH_EQ, BOTH_NE }

    final Kind kind;
    final boolean negated;
    final int a;
    final int b;
    final Field field;

    Expr(Kind kind, boolean negated, int a, int b) {
      this(kind, negated, a, b, Field.SOURCE_PORT);
    }

    Expr(Kind kind, boolean negated, int a, int b, Field field) {
      this.kind = kind;
      this.negated = negated;
      this.a = a;
      this.b = b;
      this.field = field;
    }

    /** What the kernel tests, each part as a reading of the saved form would state it. */
    List<Condition> conditions() {
      return switch (kind) {
        case FLAGS -> List.of(Condition.not(negated, TcpUdp.flagsAmong(a, b)));
        case RANGE -> List.of(Condition.not(negated, in(field, a, b)));
        case UP_TO -> List.of(in(field, 0, a));
        case ABOVE -> List.of(in(field, Math.min(a + 1, 65535), 65535));
        case BOTH_EQ -> List.of(in(Field.SOURCE_PORT, a, a), in(Field.DESTINATION_PORT, b, b));
        case BOTH_NE -> List.of(Condition.not(true, Condition.all(
            in(Field.SOURCE_PORT, a, a), in(Field.DESTINATION_PORT, b, b))));
      };
    }

    /** How iptables-nft-save reads this test into the match it prints. */
    void applyTo(Header h) {
      switch (kind) {
        case FLAGS -> {
          h.invFlags |= negated;
          h.mask = a;
          h.cmp = b;
        }
        case RANGE, UP_TO, ABOVE -> applyPorts(h, field == Field.SOURCE_PORT);
        case BOTH_EQ, BOTH_NE -> {
          boolean ne = kind == Kind.BOTH_NE;
          h.invSrc |= ne;
          h.invDst |= ne;
          h.src[0] = a;
          h.src[1] = a;
          h.dst[0] = b;
          h.dst[1] = b;
        }
      }
    }

    private void applyPorts(Header h, boolean source) {
      int[] ports = source ? h.src : h.dst;
      switch (kind) {
        case UP_TO -> ports[1] = a;
        case ABOVE -> ports[0] = Math.min(a + 1, 65535);
        default -> {
          if (source) {
            h.invSrc |= negated;
          } else {
            h.invDst |= negated;
          }
          ports[0] = a;
          ports[1] = b;
        }
      }
    }

    private static Condition in(Field field, int lo, int hi) {
      return Condition.in(field, Meanings.range(lo == hi ? Integer.toString(lo) : lo + ":" + hi));
    }
  }
}
