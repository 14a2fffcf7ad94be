package org.packetpath.engine.trace.view;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.trace.Step;
import org.packetpath.engine.trace.Trace;

/**
 * A trace as a list of steps to read in a terminal, one line per step:
 *
 * <pre>
 * tcp 192.0.2.66:40001 &gt; 203.0.113.1:22 SYN in wan0
 * PREROUTING
 *   conntrack: NEW, the first packet of a connection
 *     tcp src=192.0.2.66 dst=203.0.113.1 sport=40001 dport=22 src=203.0.113.1 ... [UNREPLIED]
 *   nat PREROUTING
 *     &gt; policy ACCEPT
 * routing decision: local delivery (destination 203.0.113.1 is the firewall's own address)
 * INPUT
 *   filter INPUT
 *     . 1  -A INPUT -i lo -j ACCEPT
 *     . 2  -A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
 *     . 3  -A INPUT -s 198.51.100.0/24 -p tcp -m tcp --dport 22 -j ACCEPT
 *     &gt; 4  -A INPUT -p tcp -m multiport --dports 22,80,443 -j DROP
 * DROPPED by filter INPUT rule 4: -A INPUT -p tcp -m multiport --dports 22,80,443 -j DROP
 * </pre>
 *
 * <p>Each hook the packet reaches gets a heading; under it come connection tracking, the chains
 * walked (a user chain indented under the rule that jumped to it) with each rule checked, marked
 * {@code >} when it matched and {@code .} when it did not, the policy when it decided, and NAT
 * rewrites with the packet before and after. Routing decisions stand between the hooks. The last
 * line says how the journey ended, and the packets the firewall sent in answer follow, indented,
 * each with its own steps. With {@link Colour#ANSI} the same text is painted: rules that did not
 * match are dimmed, matches bold, NAT yellow, the ending green or red.
 */
public final class TraceText {
  private static final String HOOK = "1";
  private static final String CHAIN = "36";
  private static final String MATCH = "1";
  private static final String MISS = "2";
  private static final String NAT = "33";
  private static final String ROUTE = "35";
  private static final String GOOD = "1;32";
  private static final String BAD = "1;31";

  private final Colour colour;
  private final StringBuilder out = new StringBuilder();

  private TraceText(Colour colour) {
    this.colour = colour;
  }

  /** The steps of {@code trace} and of the answers it caused, one per line, ending in a newline. */
  public static String render(Trace trace, Colour colour) {
    TraceText text = new TraceText(colour);
    text.trace(trace, 0);
    return text.out.toString();
  }

  /** Several traces, one after another, separated by an empty line. */
  public static String render(List<Trace> traces, Colour colour) {
    List<String> parts = new ArrayList<>();
    for (Trace t : traces) {
      parts.add(render(t, colour));
    }
    return String.join("\n", parts);
  }

  private void trace(Trace trace, int base) {
    new Walk(trace, base).run();
    Ending ending = Ending.of(trace);
    line(base, colour.paint(ending.good() ? GOOD : BAD, ending.words())
        + ending.rule().map(r -> ": " + r).orElse(""));
    if (!trace.generated().isEmpty()) {
      line(base + 2, trace.generated().size() == 1 ? "the firewall answers:"
          : "the firewall answers with " + trace.generated().size() + " packets:");
      for (Trace answer : trace.generated()) {
        trace(answer, base + 4);
      }
    }
  }

  private void line(int indent, String text) {
    out.append(" ".repeat(indent)).append(text).append('\n');
  }

  /** The walk through one trace's steps, keeping track of the hook and the chain nesting. */
  private final class Walk {
    private final Trace trace;
    private final int base;
    private final int numberWidth;
    private final Deque<String> chains = new ArrayDeque<>();
    private Optional<Hook> hook = Optional.empty();
    /** Whether the last line was a rule that matched or what its target said. */
    private boolean afterRule;

    Walk(Trace trace, int base) {
      this.trace = trace;
      this.base = base;
      this.numberWidth = trace.steps().stream()
          .filter(s -> s instanceof Step.RuleChecked)
          .mapToInt(s -> Integer.toString(((Step.RuleChecked) s).rule()).length())
          .max().orElse(1);
    }

    void run() {
      line(base, colour.paint(MATCH, trace.packet().toString()));
      boolean tracked = trace.steps().stream().anyMatch(s -> s instanceof Step.Tracked);
      if (!tracked && !trace.ctState().equals("INVALID")) {
        line(base + 2, "conntrack: " + trace.ctState()
            + " (the firewall's answer belongs to the connection it answers)");
      }
      for (Step step : trace.steps()) {
        step(step);
      }
    }

    private void step(Step step) {
      boolean rule = step instanceof Step.RuleChecked r && r.matched()
          || step instanceof Step.Note && afterRule;
      print(step);
      afterRule = rule;
    }

    private void print(Step step) {
      if (step instanceof Step.ChainEntered s) {
        enterHook(s.hook());
        if (s.chain().equals(s.hook().name())) {
          chains.clear();
        }
        line(chainIndent(), colour.paint(CHAIN, s.table().label() + " " + s.chain()));
        chains.push(s.chain());
      } else if (step instanceof Step.RuleChecked s) {
        enterHook(s.hook());
        String number = String.format("%" + numberWidth + "d", s.rule());
        String text = (s.matched() ? "> " : ". ") + number + "  " + s.text();
        line(ruleIndent(), colour.paint(s.matched() ? MATCH : MISS, text));
      } else if (step instanceof Step.PolicyApplied s) {
        enterHook(s.hook());
        line(ruleIndent(), colour.paint(MATCH, "> policy " + s.policy()));
        chains.clear();
      } else if (step instanceof Step.Returned s) {
        line(ruleIndent(), colour.paint(MISS, "< back to " + s.to()));
        while (chains.size() > 1 && !chains.peek().equals(s.to())) {
          chains.pop();
        }
      } else if (step instanceof Step.Routed s) {
        hook = Optional.empty();
        chains.clear();
        line(base, colour.paint(ROUTE, "routing decision: ") + Routing.decision(s));
      } else if (step instanceof Step.Tracked s) {
        enterHook(trace.packet().isLocal() ? Hook.OUTPUT : Hook.PREROUTING);
        line(base + 2, "conntrack: " + s.state() + meaning(s.state()));
        if (!s.connection().isEmpty()) {
          line(base + 4, colour.paint(MISS, s.connection()));
        }
      } else if (step instanceof Step.NatApplied s) {
        enterHook(s.hook());
        chains.clear();
        String head = s.what() + ": ";
        line(base + 2, colour.paint(NAT, head) + s.before());
        line(base + 2, " ".repeat(Math.max(0, head.length() - 4)) + colour.paint(NAT, "->  ")
            + s.after());
      } else if (step instanceof Step.Note s) {
        line(afterRule ? ruleIndent() + 2 : base + 2, s.text());
      }
    }

    private String meaning(String state) {
      return switch (state) {
        case "NEW" -> ", the first packet of a connection";
        case "ESTABLISHED" -> ", a packet of a known connection";
        case "RELATED" -> ", related to a known connection";
        case "INVALID" -> ", fits no connection";
        case "UNTRACKED" -> ", not tracked";
        default -> "";
      };
    }

    private void enterHook(Hook h) {
      if (hook.isEmpty() || hook.get() != h) {
        hook = Optional.of(h);
        chains.clear();
        line(base, colour.paint(HOOK, h.name()));
      }
    }

    /** Where a chain's name goes: a built-in chain under its hook, a user chain under the jump. */
    private int chainIndent() {
      return base + 2 + 2 * chains.size();
    }

    private int ruleIndent() {
      return base + 2 + 2 * Math.max(1, chains.size());
    }
  }
}
