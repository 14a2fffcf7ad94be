package org.packetpath.engine.sim;

import java.util.Optional;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.Table;
import org.packetpath.engine.rules.Target;
import org.packetpath.engine.sim.ChainWalker.Kind;
import org.packetpath.engine.sim.ChainWalker.Verdict;
import org.packetpath.engine.sim.CompiledRuleset.CompiledRule;
import org.packetpath.engine.trace.Step;

/**
 * What target extensions do to a packet. Terminating targets return a verdict; the others act
 * (set a mark, log) and return empty, and the walk goes on with the next rule.
 */
final class Targets {
  private Targets() {}

  static Optional<Verdict> apply(Journey j, Hook hook, Table table, CompiledRule rule,
      Target target) {
    switch (target.name()) {
      case "REJECT" -> {
        String with = ChainWalker.arg(target, "--reject-with").orElse("icmp-port-unreachable");
        return Optional.of(new Verdict(Kind.REJECT, with, Optional.of(rule)));
      }
      case "DNAT", "SNAT", "MASQUERADE", "REDIRECT", "NETMAP" -> {
        Nat.setUp(j, hook, target);
        return Optional.of(new Verdict(Kind.ACCEPT, "", Optional.of(rule)));
      }
      case "NFQUEUE" -> {
        boolean bypass = target.option("--queue-bypass").isPresent();
        j.step(new Step.Note("NFQUEUE: no program reads the queue, so the packet is "
            + (bypass ? "accepted (--queue-bypass)" : "dropped")));
        return Optional.of(Verdict.of(bypass ? Kind.ACCEPT : Kind.QUEUE));
      }
      case "MARK" -> {
        long[] vm = valueMask(ChainWalker.arg(target, "--set-xmark").orElse("0x0/0x0"));
        j.setMark((j.packet().mark() & ~vm[1] & 0xffffffffL) ^ vm[0]);
        return Optional.empty();
      }
      case "CONNMARK" -> {
        connmark(j, target);
        return Optional.empty();
      }
      case "CT", "NOTRACK" -> {
        if (target.name().equals("NOTRACK") || target.option("--notrack").isPresent()) {
          j.untrack();
        }
        return Optional.empty();
      }
      case "LOG" -> {
        j.step(new Step.Note("LOG " + ChainWalker.arg(target, "--log-prefix").orElse("")
            + j.packet()));
        return Optional.empty();
      }
      case "NFLOG" -> {
        j.step(new Step.Note("NFLOG " + ChainWalker.arg(target, "--nflog-prefix").orElse("")
            + j.packet()));
        return Optional.empty();
      }
      default -> {
        return Optional.empty(); // TRACE, TCPMSS and others do not change the packet's fate
      }
    }
  }

  private static void connmark(Journey j, Target target) {
    Optional<Connection> ct = j.connection();
    if (ct.isEmpty()) {
      return;
    }
    Connection c = ct.get();
    long nfmask = ChainWalker.arg(target, "--nfmask").map(Targets::number).orElse(0xffffffffL);
    long ctmask = ChainWalker.arg(target, "--ctmask").map(Targets::number).orElse(0xffffffffL);
    if (target.option("--save-mark").isPresent()) {
      c.mark = (c.mark & ~ctmask & 0xffffffffL) ^ (j.packet().mark() & nfmask);
    } else if (target.option("--restore-mark").isPresent()) {
      j.setMark((j.packet().mark() & ~nfmask & 0xffffffffL) ^ (c.mark & ctmask));
    } else {
      ChainWalker.arg(target, "--set-xmark").ifPresent(arg -> {
        long[] vm = valueMask(arg);
        c.mark = (c.mark & ~vm[1] & 0xffffffffL) ^ vm[0];
      });
    }
  }

  /** {value, mask} of a canonical {@code 0x5/0xff}. */
  static long[] valueMask(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      return new long[] {number(text), 0xffffffffL};
    }
    return new long[] {number(text.substring(0, slash)), number(text.substring(slash + 1))};
  }

  static long number(String text) {
    return text.startsWith("0x") ? Long.parseLong(text.substring(2), 16) : Long.parseLong(text);
  }
}
