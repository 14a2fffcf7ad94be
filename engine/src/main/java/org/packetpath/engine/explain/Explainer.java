package org.packetpath.engine.explain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.packetpath.engine.ext.BaseOptions;
import org.packetpath.engine.parse.SavePrinter;
import org.packetpath.engine.rules.Chain;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Field;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.Match;
import org.packetpath.engine.rules.Rule;
import org.packetpath.engine.rules.Ruleset;
import org.packetpath.engine.rules.Table;
import org.packetpath.engine.rules.TableRules;
import org.packetpath.engine.rules.Target;

/**
 * Describes a ruleset in plain English: for each chain, when packets reach it and what happens
 * at its end; for each rule, which packets it selects and what it does with them.
 *
 * <pre>{@code
 * for (Explanation e : Explainer.explain(ruleset)) {
 *   System.out.println(e);   // filter INPUT rule 3: drop TCP packets to port 22 from anywhere
 * }
 * }</pre>
 */
public final class Explainer {
  private Explainer() {}

  /** Every chain and rule of {@code ruleset}, in iptables-save order. */
  public static List<Explanation> explain(Ruleset ruleset) {
    List<Explanation> out = new ArrayList<>();
    for (TableRules table : ruleset.tables()) {
      Map<String, List<String>> callers = callers(table);
      for (Chain chain : table.chains()) {
        out.add(new Explanation(table.table(), chain.name(), 0,
            chainText(table.table(), chain, callers.getOrDefault(chain.name(), List.of())),
            chain.origin()));
        for (int i = 0; i < chain.rules().size(); i++) {
          Rule rule = chain.rules().get(i);
          out.add(new Explanation(table.table(), chain.name(), i + 1, rule(rule), rule.origin()));
        }
      }
    }
    return out;
  }

  private static Map<String, List<String>> callers(TableRules table) {
    Map<String, List<String>> callers = new LinkedHashMap<>();
    for (Chain chain : table.chains()) {
      for (int i = 0; i < chain.rules().size(); i++) {
        Optional<Target> t = chain.rules().get(i).target().filter(Target::isChainTarget);
        if (t.isPresent()) {
          callers.computeIfAbsent(t.get().name(), k -> new ArrayList<>())
              .add(chain.name() + " rule " + (i + 1));
        }
      }
    }
    return callers;
  }

  private static String chainText(Table table, Chain chain, List<String> callers) {
    if (chain.isBuiltin()) {
      Hook hook = table.builtinHook(chain.name()).orElseThrow();
      String policy = chain.policy().orElseThrow().name();
      return "built-in chain, policy " + policy + ": sees " + seenAt(hook)
          + "; packets that match no rule are " + (policy.equals("DROP") ? "dropped" : "accepted")
          + (chain.rules().isEmpty() ? " (it has no rules)" : "");
    }
    String from = callers.isEmpty() ? "no rule jumps here, so no packet reaches it"
        : "reached from " + String.join(", ", callers);
    return "user-defined chain: " + from
        + "; packets that match no rule return to the rule after the jump";
  }

  private static String seenAt(Hook hook) {
    return switch (hook) {
      case PREROUTING -> "every packet arriving on an interface, before the routing decision";
      case INPUT -> "packets addressed to the firewall itself";
      case FORWARD -> "packets passing through the firewall from one interface to another";
      case OUTPUT -> "packets the firewall itself sends";
      case POSTROUTING -> "every packet about to leave on an interface";
    };
  }

  /** One rule: what it does, to which packets. */
  public static String rule(Rule rule) {
    String action = action(rule);
    return action.contains("%s") ? action.replace("%s", packets(rule)) : action + " " + packets(rule);
  }

  private static String action(Rule rule) {
    return rule.target().map(t -> ActionWords.of(t.action()))
        .orElse("count %s (no target: the packet continues)");
  }

  private static String packets(Rule rule) {
    List<String> parts = new ArrayList<>();
    parts.add(rule.baseOption("-p")
        .map(o -> (o.negated() ? "non-" : "") + o.arg().toUpperCase(Locale.ROOT) + " packets")
        .orElse("packets"));
    for (Match m : rule.matches()) {
      m.option("--comment").ifPresent(o -> parts.add("(\"" + o.arg() + "\")"));
      parts.add(ConditionWords.of(withoutProtocol(m.condition())));
    }
    parts.add(base(rule, "-s").orElse("from anywhere"));
    for (String flag : List.of("-d", "-i", "-o")) {
      base(rule, flag).ifPresent(parts::add);
    }
    rule.baseOption("-f").ifPresent(o -> parts.add(o.negated() ? "(first fragments only)"
        : "(non-first fragments)"));
    return parts.stream().filter(s -> !s.isEmpty()).collect(Collectors.joining(" "));
  }

  private static Optional<String> base(Rule rule, String flag) {
    return rule.baseOption(flag).map(o -> ConditionWords.of(BaseOptions.meaning(List.of(o))));
  }

  /**
   * The condition without its tests of the protocol: a protocol match restates the {@code -p}
   * that iptables requires before it, which the explanation has already named.
   */
  private static Condition withoutProtocol(Condition condition) {
    if (isProtocol(condition)) {
      return Condition.TRUE;
    }
    if (condition instanceof Condition.All all) {
      return Condition.all(all.parts().stream().filter(p -> !isProtocol(p)).toList());
    }
    return condition;
  }

  private static boolean isProtocol(Condition c) {
    return c instanceof Condition.FieldIn f && f.field() == Field.PROTOCOL;
  }

  /** The rule in canonical iptables-save syntax, for showing next to its explanation. */
  public static String syntax(String chain, Rule rule) {
    return SavePrinter.rule(chain, rule);
  }
}
