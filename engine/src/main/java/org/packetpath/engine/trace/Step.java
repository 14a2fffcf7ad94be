package org.packetpath.engine.trace;

import java.util.Objects;
import java.util.Optional;
import org.packetpath.engine.packet.Packet;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.Table;

/** One thing that happened to a packet. */
public sealed interface Step
    permits Step.ChainEntered, Step.RuleChecked, Step.PolicyApplied, Step.Returned,
        Step.Routed, Step.Tracked, Step.NatApplied, Step.Note {

  /** One line describing the step, for the terminal view. */
  String describe();

  /** The packet entered a chain; {@code packet} is the header as the chain sees it. */
  record ChainEntered(Hook hook, Table table, String chain, Packet packet) implements Step {
    public ChainEntered {
      Objects.requireNonNull(packet, "packet");
    }

    @Override
    public String describe() {
      return table.label() + " " + chain + " (" + hook + "): " + packet;
    }
  }

  /**
   * A rule was evaluated. When it matched, {@code target} is what iptables -L would show in
   * its target column ({@code ACCEPT}, {@code LOGDROP}, {@code DNAT}), or empty for a rule
   * without target.
   */
  record RuleChecked(Hook hook, Table table, String chain, int rule, boolean matched,
      Optional<String> target, String text) implements Step {
    @Override
    public String describe() {
      return (matched ? "match " : "  no  ") + table.label() + " " + chain + " rule " + rule
          + ": " + text;
    }
  }

  /** A built-in chain's policy decided. */
  record PolicyApplied(Hook hook, Table table, String chain, String policy) implements Step {
    @Override
    public String describe() {
      return "policy " + table.label() + " " + chain + ": " + policy;
    }
  }

  /** The walk left a user chain, back to its caller (by RETURN or by falling off its end). */
  record Returned(Table table, String chain, String to) implements Step {
    @Override
    public String describe() {
      return "return from " + chain + " to " + to;
    }
  }

  /** A routing decision. */
  record Routed(String decision) implements Step {
    @Override
    public String describe() {
      return "route: " + decision;
    }
  }

  /** Connection tracking classified the packet. */
  record Tracked(String state, String connection) implements Step {
    @Override
    public String describe() {
      return "conntrack: " + state + (connection.isEmpty() ? "" : " " + connection);
    }
  }

  /** NAT rewrote the packet. */
  record NatApplied(Hook hook, Packet before, Packet after, String what) implements Step {
    @Override
    public String describe() {
      return what + " at " + hook + ": " + before + " -> " + after;
    }
  }

  /** Anything else worth telling: a LOG line, a warning about something not simulated. */
  record Note(String text) implements Step {
    @Override
    public String describe() {
      return text;
    }
  }
}
