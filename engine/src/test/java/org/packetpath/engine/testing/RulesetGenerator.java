package org.packetpath.engine.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.packetpath.engine.ext.Extensions;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.Table;

/**
 * Generates random valid rulesets in iptables-save form, from a seed: every table, built-in and
 * user chains, jumps and gotos (without loops), base options, matches and targets from the
 * extension list, each placed only where the kernel allows it. Rules are written in the loose
 * forms people type ({@code --syn}, service names, {@code --to}), so the parser has work to do.
 *
 * <p>User chains belong to one hook: only chains of the same table and hook jump to them, and
 * only later chains in the list, so there are no loops.
 */
public final class RulesetGenerator {
  private final Random random;

  public RulesetGenerator(long seed) {
    this.random = new Random(seed);
  }

  /** A snippet: the module it needs, the protocol it needs (or ""), and its text. */
  private record Snippet(String module, String protocol, String text) {}

  private static final List<Snippet> MATCHES = List.of(
      new Snippet("tcp", "tcp", "--dport 22"),
      new Snippet("tcp", "tcp", "--sport 1024: --dport ssh"),
      new Snippet("tcp", "tcp", "--syn"),
      new Snippet("tcp", "tcp", "! --syn"),
      new Snippet("tcp", "tcp", "-m tcp --tcp-flags SYN,RST SYN"),
      new Snippet("tcp", "tcp", "-m tcp ! --dport 80:90"),
      new Snippet("tcp", "tcp", "--tcp-flags ALL NONE"),
      new Snippet("udp", "udp", "--dport 53"),
      new Snippet("udp", "udp", "-m udp --sport 67:68 --dport 67:68"),
      new Snippet("icmp", "icmp", "--icmp-type echo-request"),
      new Snippet("icmp", "icmp", "-m icmp ! --icmp-type 3/4"),
      new Snippet("multiport", "tcp", "-m multiport --dports 80,443,8000:8080"),
      new Snippet("multiport", "udp", "-m multiport ! --sports 53,123"),
      new Snippet("conntrack", "", "-m conntrack --ctstate ESTABLISHED,RELATED"),
      new Snippet("conntrack", "", "-m conntrack --ctstate NEW --ctdir ORIGINAL"),
      new Snippet("conntrack", "", "-m conntrack ! --ctstatus ASSURED"),
      new Snippet("conntrack", "", "-m conntrack --ctorigdst 192.0.2.0/24 --ctstate DNAT"),
      new Snippet("state", "", "-m state --state INVALID"),
      new Snippet("comment", "", "-m comment --comment \"allow it\""),
      new Snippet("comment", "", "-m comment --comment plain"),
      new Snippet("iprange", "", "-m iprange --src-range 10.0.0.1-10.0.0.9"),
      new Snippet("limit", "", "-m limit --limit 5/minute --limit-burst 10"),
      new Snippet("mark", "", "-m mark --mark 0x1/0xff"),
      new Snippet("mark", "", "-m mark ! --mark 7"),
      new Snippet("connmark", "", "-m connmark --mark 0x2"),
      new Snippet("addrtype", "", "-m addrtype --dst-type LOCAL"),
      new Snippet("length", "", "-m length --length 0:100"),
      new Snippet("ttl", "", "-m ttl --ttl-lt 5"),
      new Snippet("tos", "", "-m tos --tos 0x10"),
      new Snippet("dscp", "", "-m dscp --dscp 10"),
      new Snippet("pkttype", "", "-m pkttype --pkt-type broadcast"),
      new Snippet("recent", "", "-m recent --name scan --rcheck --seconds 60"),
      new Snippet("hashlimit", "", "-m hashlimit --hashlimit-upto 10/sec --hashlimit-name hl"),
      new Snippet("statistic", "", "-m statistic --mode nth --every 3 --packet 1"),
      new Snippet("policy", "", "-m policy --dir in --pol none"),
      new Snippet("set", "", "-m set --match-set blocklist src"),
      new Snippet("set", "", "-m set ! --match-set blocklist dst"),
      new Snippet("mac", "", "-m mac ! --mac-source 02:00:00:00:00:99"));

  /** Targets by table; each entry says at which hooks it may be used ({@code null}: any). */
  private record TargetSnippet(Table table, List<Hook> hooks, String protocol, String text) {}

  private static final List<TargetSnippet> TARGETS = List.of(
      new TargetSnippet(Table.FILTER, List.of(), "", "-j ACCEPT"),
      new TargetSnippet(Table.FILTER, List.of(), "", "-j DROP"),
      new TargetSnippet(Table.FILTER, List.of(), "", "-j REJECT"),
      new TargetSnippet(Table.FILTER, List.of(), "tcp", "-j REJECT --reject-with tcp-reset"),
      new TargetSnippet(Table.FILTER, List.of(), "", "-j REJECT --reject-with icmp-host-prohibited"),
      new TargetSnippet(null, List.of(), "", "-j LOG --log-prefix \"fw: \""),
      new TargetSnippet(null, List.of(), "", "-j LOG --log-level debug"),
      new TargetSnippet(null, List.of(), "", "-j NFLOG --nflog-group 2"),
      new TargetSnippet(null, List.of(), "", "-j RETURN"),
      new TargetSnippet(null, List.of(), "", ""),
      new TargetSnippet(Table.NAT, List.of(Hook.POSTROUTING), "", "-j MASQUERADE"),
      new TargetSnippet(Table.NAT, List.of(Hook.POSTROUTING, Hook.INPUT), "",
          "-j SNAT --to-source 203.0.113.1"),
      new TargetSnippet(Table.NAT, List.of(Hook.PREROUTING, Hook.OUTPUT), "tcp",
          "-j DNAT --to-destination 10.0.1.2:80"),
      new TargetSnippet(Table.NAT, List.of(Hook.PREROUTING, Hook.OUTPUT), "tcp",
          "-j REDIRECT --to-ports 3128"),
      new TargetSnippet(Table.NAT, List.of(Hook.PREROUTING), "", "-j NETMAP --to 10.9.0.0/24"),
      new TargetSnippet(Table.NAT, List.of(), "", "-j ACCEPT"),
      new TargetSnippet(Table.MANGLE, List.of(), "", "-j MARK --set-mark 5"),
      new TargetSnippet(Table.MANGLE, List.of(), "", "-j CONNMARK --save-mark"),
      new TargetSnippet(Table.MANGLE, List.of(), "", "-j ACCEPT"),
      new TargetSnippet(Table.RAW, List.of(), "", "-j CT --notrack"),
      new TargetSnippet(Table.RAW, List.of(), "", "-j NOTRACK"),
      new TargetSnippet(Table.RAW, List.of(), "", "-j TRACE"),
      new TargetSnippet(Table.RAW, List.of(), "", "-j ACCEPT"),
      new TargetSnippet(Table.SECURITY, List.of(), "", "-j ACCEPT"),
      new TargetSnippet(Table.SECURITY, List.of(), "", "-j DROP"));

  private static final List<String> ADDRESSES = List.of(
      "10.0.0.0/8", "192.168.1.7", "203.0.113.0/24", "198.51.100.9/32", "10.1.2.3/16");
  private static final List<String> INTERFACES = List.of("wan0", "lan0", "eth+", "lo", "br-1");

  /** A random valid ruleset of about {@code rules} rules, in iptables-save form. */
  public String ruleset(int rules) {
    StringBuilder out = new StringBuilder();
    List<Table> tables = new ArrayList<>();
    for (Table t : Table.values()) {
      if (random.nextInt(4) != 0 || t == Table.FILTER) {
        tables.add(t);
      }
    }
    int perTable = Math.max(1, rules / tables.size());
    for (Table table : tables) {
      table(out, table, perTable);
    }
    return out.toString();
  }

  private record UserChain(String name, Hook hook) {}

  private void table(StringBuilder out, Table table, int rules) {
    out.append('*').append(table.label()).append('\n');
    for (Hook hook : table.builtinHooks()) {
      String policy = random.nextInt(3) == 0 ? "DROP" : "ACCEPT";
      out.append(':').append(hook.name()).append(' ')
          .append(table == Table.NAT ? "ACCEPT" : policy).append(" [0:0]\n");
    }
    List<UserChain> users = new ArrayList<>();
    int userCount = random.nextInt(4);
    for (int i = 0; i < userCount; i++) {
      List<Hook> hooks = table.builtinHooks();
      UserChain c = new UserChain("U" + table.label().toUpperCase() + i,
          hooks.get(random.nextInt(hooks.size())));
      users.add(c);
      out.append(':').append(c.name()).append(" - [0:0]\n");
    }
    for (int i = 0; i < rules; i++) {
      int pick = random.nextInt(table.builtinHooks().size() + users.size());
      if (pick < table.builtinHooks().size()) {
        Hook hook = table.builtinHooks().get(pick);
        out.append(rule(table, hook.name(), hook, users, -1)).append('\n');
      } else {
        int index = pick - table.builtinHooks().size();
        UserChain c = users.get(index);
        out.append(rule(table, c.name(), c.hook(), users, index)).append('\n');
      }
    }
    out.append("COMMIT\n");
  }

  private String rule(Table table, String chain, Hook hook, List<UserChain> users, int self) {
    StringBuilder rule = new StringBuilder("-A ").append(chain);
    String protocol = "";
    int r = random.nextInt(10);
    if (r < 4) {
      protocol = "tcp";
    } else if (r < 6) {
      protocol = "udp";
    } else if (r < 7) {
      protocol = "icmp";
    }
    if (random.nextInt(3) == 0) {
      rule.append(random.nextBoolean() ? " ! -s " : " -s ").append(pick(ADDRESSES));
    }
    if (random.nextInt(4) == 0) {
      rule.append(" -d ").append(pick(ADDRESSES));
    }
    if (hook.knowsInInterface() && random.nextInt(3) == 0) {
      rule.append(random.nextInt(4) == 0 ? " ! -i " : " -i ").append(pick(INTERFACES));
    }
    if (hook.knowsOutInterface() && random.nextInt(3) == 0) {
      rule.append(" -o ").append(pick(INTERFACES));
    }
    List<TargetSnippet> targets = new ArrayList<>();
    for (TargetSnippet t : TARGETS) {
      boolean tableOk = t.table() == null || t.table() == table;
      boolean hookOk = t.hooks().isEmpty() || t.hooks().contains(hook);
      boolean known = !t.text().startsWith("-j ") || isKnownTarget(t.text());
      if (tableOk && hookOk && known) {
        targets.add(t);
      }
    }
    TargetSnippet target = pick(targets);
    if (!target.protocol().isEmpty()) {
      protocol = target.protocol();
    }
    if (!protocol.isEmpty()) {
      rule.append(" -p ").append(protocol);
    }
    int matches = random.nextInt(3);
    List<String> used = new ArrayList<>();
    for (int i = 0; i < matches; i++) {
      Snippet s = pick(MATCHES);
      boolean implicit = !s.text().startsWith("-m");
      if (Extensions.match(s.module()).isEmpty()
          || (!s.protocol().isEmpty() && !s.protocol().equals(protocol))
          || used.contains(s.module())
          || (implicit && !used.isEmpty())
          || ((s.text().contains("--dir in") || s.module().equals("mac"))
              && !hook.knowsInInterface())) {
        continue; // implicit protocol options go first, as "--dport" after "-m multiport"
      } //          would be read as an abbreviation of "--dports", exactly as iptables does
      used.add(s.module());
      rule.append(' ').append(s.text());
    }
    if (random.nextInt(5) == 0 && self + 1 < users.size()) {
      List<UserChain> later = new ArrayList<>();
      for (int i = Math.max(self + 1, 0); i < users.size(); i++) {
        if (users.get(i).hook() == hook) {
          later.add(users.get(i));
        }
      }
      if (!later.isEmpty()) {
        return rule.append(random.nextInt(4) == 0 ? " -g " : " -j ")
            .append(pick(later).name()).toString();
      }
    }
    if (!target.text().isEmpty()) {
      rule.append(' ').append(target.text());
    }
    return rule.toString();
  }

  private static boolean isKnownTarget(String text) {
    String name = text.substring(3).split(" ")[0];
    return List.of("ACCEPT", "DROP", "RETURN").contains(name) || Extensions.target(name).isPresent();
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }
}
