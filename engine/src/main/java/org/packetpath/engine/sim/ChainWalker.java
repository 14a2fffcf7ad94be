package org.packetpath.engine.sim;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.packetpath.engine.rules.Action;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.Policy;
import org.packetpath.engine.rules.Table;
import org.packetpath.engine.rules.Target;
import org.packetpath.engine.sim.CompiledRuleset.CompiledChain;
import org.packetpath.engine.sim.CompiledRuleset.CompiledRule;
import org.packetpath.engine.trace.RuleHit;
import org.packetpath.engine.trace.Step;

/**
 * Walks one built-in chain as {@code ipt_do_table} does: rules in order, jumps with a return
 * stack, gotos that replace the current chain, RETURN and falling off a user chain, and the
 * policy at the end of the built-in chain. Non-terminating targets (LOG, MARK …) act and the
 * walk goes on; terminating ones end it with a verdict.
 */
final class ChainWalker {
  private ChainWalker() {}

  /** How a chain walk ended. */
  enum Kind {
    /** ACCEPT, a policy of ACCEPT, or a NAT target: on to the next table or hook. */
    ACCEPT,
    DROP,
    /** REJECT: dropped, and an error is sent back. */
    REJECT,
    /** NFQUEUE: no program reads the queue, so the packet is dropped (or accepted, bypass). */
    QUEUE
  }

  /** A verdict and, for REJECT, the answer. */
  record Verdict(Kind kind, Action.RejectWith rejectWith) {
    static Verdict of(Kind kind) {
      return new Verdict(kind, Action.RejectWith.ICMP_PORT_UNREACHABLE);
    }
  }

  private record Frame(CompiledChain chain, int next) {}

  /**
   * Walks built-in chain {@code chain} of {@code table} at {@code hook} for the journey's
   * packet. Records every rule evaluated, each hit, and applies side effects to the journey.
   */
  static Verdict walk(Journey j, Hook hook, Table table, CompiledChain chain) {
    Deque<Frame> stack = new ArrayDeque<>();
    CompiledChain current = chain;
    int index = 0;
    boolean recording = j.recording();
    if (recording) {
      j.step(new Step.ChainEntered(hook, table, chain.name(), j.packet()));
    }
    // What rules see changes only when an action changes the packet or its tracking.
    Visit visit = j.visit(hook, table);
    while (true) {
      if (index >= current.rules().size()) {
        if (stack.isEmpty()) {
          Policy policy = chain.chain().policy().orElseThrow();
          if (recording) {
            j.step(new Step.PolicyApplied(hook, table, chain.name(), policy));
          }
          j.hit(new RuleHit(hook, table, chain.name(), 0, policy.name()));
          return Verdict.of(policy == Policy.DROP ? Kind.DROP : Kind.ACCEPT);
        }
        Frame back = stack.pop();
        if (recording) {
          j.step(new Step.Returned(table, current.name(), back.chain().name()));
        }
        current = back.chain();
        index = back.next();
        continue;
      }
      CompiledRule rule = current.rules().get(index);
      boolean matched = rule.test().test(visit);
      if (recording) {
        j.step(new Step.RuleChecked(hook, table, current.name(), rule.number(), matched,
            matched ? rule.rule().target().map(Target::name) : Optional.empty(), rule.text()));
      }
      if (!matched) {
        index++;
        continue;
      }
      j.hit(new RuleHit(hook, table, current.name(), rule.number(),
          rule.rule().target().map(Target::name).orElse("")));
      if (rule.target().isEmpty()) {
        index++;
        continue;
      }
      Targets.Next next = Targets.apply(j, hook, rule.target().get().action());
      switch (next.flow()) {
        case NEXT -> {
          index++;
          visit = j.visit(hook, table);
        }
        case RETURN -> index = current.rules().size(); // as if at the chain's end
        case JUMP, GOTO -> {
          CompiledChain into = j.chain(table, next.chain());
          if (next.flow() == Targets.Flow.JUMP) {
            stack.push(new Frame(current, index + 1));
          }
          if (recording) {
            j.step(new Step.ChainEntered(hook, table, into.name(), j.packet()));
          }
          current = into;
          index = 0;
        }
        case VERDICT -> {
          return next.verdict().orElseThrow();
        }
      }
    }
  }
}
