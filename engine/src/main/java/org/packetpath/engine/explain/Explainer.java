package org.packetpath.engine.explain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.packetpath.engine.parse.SavePrinter;
import org.packetpath.engine.rules.Chain;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.Match;
import org.packetpath.engine.rules.Option;
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
    if (rule.target().isEmpty()) {
      return "count %s (no target: the packet continues)";
    }
    Target t = rule.target().get();
    return switch (t.kind()) {
      case STANDARD -> switch (t.name()) {
        case "ACCEPT" -> "accept";
        case "DROP" -> "drop";
        default -> "return to the calling chain";
      };
      case JUMP -> "send %s to chain " + t.name() + ", then continue here";
      case GOTO -> "hand %s over to chain " + t.name() + " for good (goto)";
      case EXTENSION -> extension(t);
    };
  }

  private static String extension(Target t) {
    String args = t.options().stream().map(Explainer::words).collect(Collectors.joining(" "));
    return switch (t.name()) {
      case "REJECT" -> "reject (answer with " + t.option("--reject-with").map(Option::arg)
          .orElse("icmp-port-unreachable") + ")";
      case "LOG" -> "log %s" + t.option("--log-prefix").map(o -> " with prefix \"" + o.arg()
          + "\"").orElse("") + ", then continue";
      case "NFLOG" -> "copy %s to the netlink log, then continue";
      case "MASQUERADE" -> "masquerade (rewrite the source to the outgoing interface's address)";
      case "SNAT" -> "rewrite the source to " + arg(t, "--to-source");
      case "DNAT" -> "rewrite the destination to " + arg(t, "--to-destination");
      case "REDIRECT" -> "redirect to the firewall itself"
          + t.option("--to-ports").map(o -> " on port " + o.arg()).orElse("");
      case "NETMAP" -> "map the address into " + arg(t, "--to");
      case "MARK" -> "mark %s (" + args + "), then continue";
      case "CONNMARK" -> "set the connection mark (" + args + ") of %s, then continue";
      case "CT" -> t.option("--notrack").isPresent() ? "exempt from connection tracking"
          : "set connection tracking options (" + args + ")";
      case "NOTRACK" -> "exempt from connection tracking";
      case "TRACE" -> "trace %s through the rules that follow";
      default -> "apply " + t.name() + (args.isEmpty() ? "" : " (" + args + ")");
    };
  }

  private static String arg(Target t, String option) {
    return t.option(option).map(o -> String.join(" ", o.args())).orElse("?");
  }

  private static String packets(Rule rule) {
    List<String> parts = new ArrayList<>();
    String proto = rule.baseOption("-p")
        .map(o -> (o.negated() ? "non-" : "") + o.arg().toUpperCase(java.util.Locale.ROOT) + " packets")
        .orElse("packets");
    parts.add(proto);
    for (Match m : rule.matches()) {
      m.options().forEach(o -> parts.add(matchWords(m.module(), o)));
    }
    parts.add(address(rule, "-s", "from"));
    rule.baseOption("-d").ifPresent(o -> parts.add("to " + not(o) + host(o.arg())));
    rule.baseOption("-i").ifPresent(o -> parts.add("arriving on " + not(o) + o.arg()));
    rule.baseOption("-o").ifPresent(o -> parts.add("leaving on " + not(o) + o.arg()));
    rule.baseOption("-f").ifPresent(o -> parts.add(o.negated() ? "(first fragments only)"
        : "(non-first fragments)"));
    return parts.stream().filter(s -> !s.isEmpty()).collect(Collectors.joining(" "));
  }

  private static String address(Rule rule, String flag, String word) {
    return rule.baseOption(flag).map(o -> word + " " + not(o) + host(o.arg()))
        .orElse(word + " anywhere");
  }

  private static String host(String cidr) {
    return cidr.endsWith("/32") ? cidr.substring(0, cidr.length() - 3) : cidr;
  }

  private static String not(Option o) {
    return o.negated() ? "anything but " : "";
  }

  private static String matchWords(String module, Option o) {
    String not = o.negated() ? "not " : "";
    String arg = String.join(" ", o.args());
    return switch (o.name()) {
      case "--dport", "--dports" -> not + "to port " + arg.replace(",", ", ");
      case "--sport", "--sports" -> not + "from port " + arg.replace(",", ", ");
      case "--ports" -> not + "to or from port " + arg.replace(",", ", ");
      case "--ctstate", "--state" -> not + "in connection state " + arg.replace(",", " or ");
      case "--comment" -> "(\"" + arg + "\")";
      case "--icmp-type" -> not + "of ICMP type " + arg;
      case "--tcp-flags" -> o.args().equals(List.of("FIN,SYN,RST,ACK", "SYN"))
          ? (o.negated() ? "that do not start a connection (not a lone SYN)"
              : "starting a new connection (SYN)")
          : not + "with TCP flags " + o.args().get(1) + " among " + o.args().get(0);
      case "--limit" -> "below the rate " + arg;
      case "--mac-source" -> not + "from MAC address " + arg;
      default -> not + "matching -m " + module + " " + o.name() + (arg.isEmpty() ? "" : " " + arg);
    };
  }

  private static String words(Option o) {
    return (o.negated() ? "! " : "") + o.name() + (o.args().isEmpty() ? "" : " " + String.join(" ", o.args()));
  }

  /** The rule in canonical iptables-save syntax, for showing next to its explanation. */
  public static String syntax(String chain, Rule rule) {
    return SavePrinter.rule(chain, rule);
  }
}
