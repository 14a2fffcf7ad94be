package org.packetpath.lab.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.packetpath.engine.net.Ipv4;
import org.packetpath.engine.net.Protocols;
import org.packetpath.engine.packet.Packet;
import org.packetpath.engine.rules.Table;
import org.packetpath.engine.trace.Disposition;
import org.packetpath.engine.trace.RuleHit;
import org.packetpath.engine.trace.Step;
import org.packetpath.engine.trace.Trace;
import org.packetpath.engine.trace.view.TraceText;
import org.packetpath.lab.Expectation;
import org.packetpath.lab.Outcome;
import org.packetpath.lab.Where;

/** Expectations and traces in words, for check results. */
final class Explain {
  private Explain() {}

  /** What {@code expect} asks for: {@code forwarded out wan0 as tcp 203.0.113.1:40008 > ...}. */
  static String expected(Expectation expect) {
    StringBuilder out = new StringBuilder(expect.outcome().description());
    expect.where().ifPresent(w -> out.append(expect.outcome().passes() ? ", accepted in " : " in ")
        .append(w));
    expect.out().ifPresent(o -> out.append(" out ").append(o));
    expect.finalHeader().ifPresent(p -> out.append(" as ").append(header(p)));
    expect.ctstate().ifPresent(s -> out.append(", with conntrack state ").append(s));
    expect.answer().ifPresent(a -> out.append(", and the firewall's answer ")
        .append(a == Outcome.SENT ? "sent out" : a.description()));
    return out.toString();
  }

  /**
   * How {@code trace} differs from {@code expect}, one sentence each; empty when it meets it.
   * When the outcome is wrong, that is the only difference told.
   */
  static List<String> problems(Expectation expect, Trace trace) {
    if (!expect.outcome().matches(trace.disposition())) {
      return List.of("it was " + ending(trace));
    }
    List<String> problems = new ArrayList<>();
    expect.where().flatMap(w -> where(expect.outcome(), w, trace)).ifPresent(problems::add);
    expect.ctstate().flatMap(s -> ctstate(s, trace)).ifPresent(problems::add);
    expect.out().ifPresent(o -> {
      if (!trace.out().equals(Optional.of(o))) {
        problems.add(trace.out().map(actual -> "it left by " + actual + ", not " + o)
            .orElse("it did not leave the firewall"));
      }
    });
    expect.finalHeader().ifPresent(p -> {
      Optional<Packet> actual = trace.finalPacket();
      if (actual.isEmpty()) {
        problems.add("it did not leave the firewall");
      } else if (!sameHeader(p, actual.get())) {
        problems.add("it left as " + header(actual.get()) + ", not as " + header(p));
      }
    });
    expect.answer().flatMap(a -> answer(a, trace)).ifPresent(problems::add);
    return problems;
  }

  private static Optional<String> where(Outcome outcome, Where where, Trace trace) {
    List<RuleHit> hits = trace.hits();
    if (!outcome.passes()) {
      RuleHit decisive = hits.get(hits.size() - 1);
      return where.covers(decisive) ? Optional.empty()
          : Optional.of("it was " + verb(trace) + " by " + hit(decisive, trace) + ", not in "
              + where);
    }
    boolean accepted = hits.stream()
        .anyMatch(h -> where.covers(h) && h.target().equals("ACCEPT"));
    if (accepted) {
      return Optional.empty();
    }
    boolean seen = hits.stream().anyMatch(where::covers);
    return Optional.of(seen ? "no rule or policy of " + where + " accepted it"
        : "it never went through " + where);
  }

  private static Optional<String> ctstate(String expected, Trace trace) {
    boolean tracked = trace.steps().stream().anyMatch(s -> s instanceof Step.Tracked);
    if (!tracked) {
      return Optional.of("connection tracking never saw it: it runs only when some rule needs"
          + " it (a conntrack or state match, or NAT)");
    }
    return trace.ctState().name().equals(expected) ? Optional.empty()
        : Optional.of("its conntrack state was " + trace.ctState() + ", not " + expected);
  }

  private static Optional<String> answer(Outcome expected, Trace trace) {
    if (trace.generated().isEmpty()) {
      return Optional.of("the firewall did not answer it");
    }
    Trace answer = trace.generated().get(0);
    return expected.matches(answer.disposition()) ? Optional.empty()
        : Optional.of("the firewall's answer (" + answer.packet().packet() + ") was "
            + ending(answer));
  }

  /** How the journey ended: {@code dropped by filter INPUT rule 4 (-A INPUT ... -j DROP)}. */
  static String ending(Trace trace) {
    return switch (trace.disposition()) {
      case LOCAL -> "delivered to the firewall itself" + acceptedBy(trace);
      case FORWARDED -> "forwarded" + left(trace) + acceptedBy(trace);
      case SENT -> "sent by the firewall" + left(trace) + acceptedBy(trace);
      case DROPPED, REJECTED -> verb(trace) + decider(trace);
      case ROUTING_DROP -> "dropped by the routing decision" + routing(trace);
    };
  }

  private static String verb(Trace trace) {
    return trace.disposition() == Disposition.REJECTED ? "rejected" : "dropped";
  }

  private static String decider(Trace trace) {
    List<RuleHit> hits = trace.hits();
    return hits.isEmpty() ? "" : " by " + hit(hits.get(hits.size() - 1), trace);
  }

  private static String left(Trace trace) {
    return trace.out().map(o -> " out " + o).orElse("")
        + trace.finalPacket().map(p -> " as " + header(p)).orElse("");
  }

  private static String acceptedBy(Trace trace) {
    List<RuleHit> hits = trace.hits();
    for (int i = hits.size() - 1; i >= 0; i--) {
      RuleHit h = hits.get(i);
      if (h.table() == Table.FILTER) {
        return "; " + hit(h, trace) + " let it through";
      }
    }
    return "";
  }

  /** A rule or policy in words: {@code filter INPUT rule 4 (-A INPUT -p tcp ... -j DROP)}. */
  private static String hit(RuleHit h, Trace trace) {
    String chain = h.table().label() + " " + h.chain()
        + (h.chain().equals(h.hook().name()) ? "" : " (from " + h.hook() + ")");
    if (h.isPolicy()) {
      return "the policy " + h.target() + " of " + chain;
    }
    return chain + " rule " + h.rule() + trace.ruleText(h).map(t -> " (" + t + ")").orElse("");
  }

  private static String routing(Trace trace) {
    return trace.lastRouting().map(r -> " (" + TraceText.decision(r) + ")").orElse("");
  }

  /** Protocol, addresses and ports: {@code tcp 203.0.113.1:40008 > 192.0.2.10:443}. */
  static String header(Packet p) {
    boolean ports = Packet.hasPorts(p.protocol());
    return Protocols.packetName(p.protocol()) + " " + Ipv4.format(p.source())
        + (ports ? ":" + p.sourcePort() : "") + " > " + Ipv4.format(p.destination())
        + (ports ? ":" + p.destinationPort() : "");
  }

  private static boolean sameHeader(Packet a, Packet b) {
    return a.protocol() == b.protocol() && a.source() == b.source()
        && a.destination() == b.destination() && a.sourcePort() == b.sourcePort()
        && a.destinationPort() == b.destinationPort();
  }
}
