package org.packetpath.engine.trace.view;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.packetpath.engine.pipeline.Place;
import org.packetpath.engine.rules.CtState;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.trace.Step;
import org.packetpath.engine.trace.Trace;
import org.packetpath.engine.trace.view.StyledText.Role;

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
 * each with its own steps. The text is styled: hooks, chains, matches and misses, NAT, routing
 * decisions and the ending each have their {@link StyledText.Role}.
 *
 * <p>The headings come from the places of the pipeline the trace entered: a hook gets one when
 * something happened there, a routing decision says what it decided.
 */
public final class TraceText {
  private final StyledText.Builder out = new StyledText.Builder();

  private TraceText() {}

  /** The steps of {@code trace} and of the answers it caused, one per line. */
  public static StyledText render(Trace trace) {
    TraceText text = new TraceText();
    text.trace(trace, 0);
    return text.out.build();
  }

  /** Several traces, one after another, separated by an empty line. */
  public static StyledText render(List<Trace> traces) {
    return StyledText.joined(traces.stream().map(TraceText::render).toList());
  }

  /**
   * What a routing decision decided, in the words the step list uses after {@code routing
   * decision:}, such as {@code forward out wan0 (default via 203.0.113.254 dev wan0)}.
   */
  public static String decision(Step.Routed step) {
    return Routing.decision(step);
  }

  private void trace(Trace trace, int base) {
    new Walk(trace, base).run();
    Ending ending = Ending.of(trace);
    indent(base).add(ending.words(), ending.good() ? Role.ACCEPT : Role.DROP)
        .add(ending.rule().map(r -> ": " + r).orElse(""), Role.PLAIN).newline();
    if (!trace.generated().isEmpty()) {
      line(base + 2, trace.generated().size() == 1 ? "the firewall answers:"
          : "the firewall answers with " + trace.generated().size() + " packets:", Role.PLAIN);
      for (Trace answer : trace.generated()) {
        trace(answer, base + 4);
      }
    }
  }

  private StyledText.Builder indent(int indent) {
    return out.add(" ".repeat(indent), Role.PLAIN);
  }

  private void line(int indent, String text, Role role) {
    indent(indent).add(text, role).newline();
  }

  /**
   * The walk through one trace's steps, keeping track of the place, whether its hook has had
   * its heading, and the chain nesting.
   */
  private final class Walk implements Step.Visitor<Boolean> {
    private final Trace trace;
    private final int base;
    private final int numberWidth;
    private final Deque<String> chains = new ArrayDeque<>();
    /** The hook the packet is at, while its heading is still to be written. */
    private Optional<Hook> unheaded = Optional.empty();
    /**
     * Whether the last line was a rule that matched or what its target said; each step's visit
     * writes its lines and tells whether this is so after it.
     */
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
      line(base, trace.packet().toString(), Role.STRONG);
      boolean tracked = trace.steps().stream().anyMatch(s -> s instanceof Step.Tracked);
      if (!tracked && trace.ctState() != CtState.INVALID) {
        line(base + 2, "conntrack: " + trace.ctState()
            + " (the firewall's answer belongs to the connection it answers)", Role.PLAIN);
      }
      for (Step step : trace.steps()) {
        afterRule = step.accept(this);
      }
    }

    @Override
    public Boolean visitEntered(Step.Entered s) {
      unheaded = s.place().hook();
      if (s.place() == Place.LOOPBACK) {
        line(noteIndent(), "looped back: the packet comes in again on lo", Role.PLAIN);
      }
      return afterRule;
    }

    @Override
    public Boolean visitChainEntered(Step.ChainEntered s) {
      heading();
      if (s.chain().equals(s.hook().name())) {
        chains.clear();
      }
      line(chainIndent(), s.table().label() + " " + s.chain(), Role.CHAIN);
      chains.push(s.chain());
      return false;
    }

    @Override
    public Boolean visitRuleChecked(Step.RuleChecked s) {
      heading();
      String number = String.format("%" + numberWidth + "d", s.rule());
      line(ruleIndent(), (s.matched() ? "> " : ". ") + number + "  " + s.text(),
          s.matched() ? Role.MATCH : Role.MISS);
      return s.matched();
    }

    @Override
    public Boolean visitPolicyApplied(Step.PolicyApplied s) {
      heading();
      line(ruleIndent(), "> policy " + s.policy(), Role.MATCH);
      chains.clear();
      return false;
    }

    @Override
    public Boolean visitReturned(Step.Returned s) {
      line(ruleIndent(), "< back to " + s.to(), Role.MISS);
      while (chains.size() > 1 && !chains.peek().equals(s.to())) {
        chains.pop();
      }
      return false;
    }

    @Override
    public Boolean visitRouted(Step.Routed s) {
      unheaded = Optional.empty();
      chains.clear();
      if (Routing.isAfterthought(s)) {
        line(base + 2, Routing.decision(s), Role.PLAIN);
      } else {
        indent(base).add("routing decision: ", Role.ROUTE).add(Routing.decision(s), Role.PLAIN)
            .newline();
      }
      return false;
    }

    @Override
    public Boolean visitTracked(Step.Tracked s) {
      heading();
      line(base + 2, "conntrack: " + s.state() + meaning(s.state()), Role.PLAIN);
      s.connection().ifPresent(c -> line(base + 4, c, Role.MISS));
      return false;
    }

    @Override
    public Boolean visitNatApplied(Step.NatApplied s) {
      heading();
      chains.clear();
      String head = s.what() + ": ";
      indent(base + 2).add(head, Role.NAT).add(s.before().toString(), Role.PLAIN).newline();
      indent(base + 2).add(" ".repeat(Math.max(0, head.length() - 4)), Role.PLAIN)
          .add("->  ", Role.NAT).add(s.after().toString(), Role.PLAIN).newline();
      return false;
    }

    @Override
    public Boolean visitNote(Step.Note s) {
      line(noteIndent(), s.text(), Role.PLAIN);
      return afterRule;
    }

    private String meaning(CtState state) {
      return switch (state) {
        case NEW -> ", the first packet of a connection";
        case ESTABLISHED -> ", a packet of a known connection";
        case RELATED -> ", related to a known connection";
        case INVALID -> ", fits no connection";
        case UNTRACKED -> ", not tracked";
      };
    }

    /** The heading of the hook the packet is at, before the first thing that happened there. */
    private void heading() {
      unheaded.ifPresent(h -> {
        chains.clear();
        line(base, h.name(), Role.HOOK);
      });
      unheaded = Optional.empty();
    }

    /** Where a chain's name goes: a built-in chain under its hook, a user chain under the jump. */
    private int chainIndent() {
      return base + 2 + 2 * chains.size();
    }

    private int ruleIndent() {
      return base + 2 + 2 * Math.max(1, chains.size());
    }

    /** A note goes under the rule whose target wrote it, else under the hook. */
    private int noteIndent() {
      return afterRule ? ruleIndent() + 2 : base + 2;
    }
  }
}
