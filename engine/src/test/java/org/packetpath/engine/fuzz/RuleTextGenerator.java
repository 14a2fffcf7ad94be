package org.packetpath.engine.fuzz;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.packetpath.engine.ext.Extensions;
import org.packetpath.engine.ext.ModuleSpec;
import org.packetpath.engine.ext.OptionSpec;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.Table;

/**
 * Builds rules files out of real iptables words: table and chain names, base options, the
 * options of every registered extension (so a new extension is fuzzed as soon as it is
 * registered), targets, addresses, ports, quotes, {@code !} and counters. Files are mostly well
 * formed, so that many of them load and the round trip through the printer is exercised; some
 * lines are then damaged by dropping, repeating, swapping or inserting words. Every choice comes
 * from a {@link Choices}, so the fuzzer steers the generator and a seeded {@link Random} replays
 * it.
 */
final class RuleTextGenerator {
  /** Where the generator's decisions come from. */
  interface Choices {
    /** A number in {@code [0, bound)}; {@code bound} is at least 1. */
    int pick(int bound);

    /** Free text of at most {@code maxLength} characters. */
    String text(int maxLength);
  }

  /** Choices from a seeded random generator, for reproducible sweeps. */
  static Choices random(long seed) {
    Random random = new Random(seed);
    return new Choices() {
      @Override
      public int pick(int bound) {
        return random.nextInt(bound);
      }

      @Override
      public String text(int maxLength) {
        StringBuilder out = new StringBuilder();
        int length = random.nextInt(maxLength + 1);
        for (int i = 0; i < length; i++) {
          out.append(random.nextInt(10) == 0
              ? (char) random.nextInt(0x3000) : (char) (0x20 + random.nextInt(0x5f)));
        }
        return out.toString();
      }
    };
  }

  private static final List<String> USER_CHAINS = List.of("LAN", "WAN_IN", "log-drop", "x");
  private static final List<String> BAD_CHAINS =
      List.of("input", "ACCEPT", "LOG", "-bad", "!x", "a".repeat(28), "b".repeat(29), "NOSUCH",
          "", "a b", "c\"d", "tab\there", "#x", "COMMIT", "*nat", ":x", "ünï");
  private static final List<String> BAD_TABLES = List.of("fitler", "FILTER", "", "broute", "filter x");
  private static final List<String> COUNTERS =
      List.of("[0:0]", "[12:3456]", "[9223372036854775807:0]", "[1:1]");
  private static final List<String> BAD_COUNTERS =
      List.of("[18446744073709551615:1]", "[1:2", "[-1:0]", "[a:b]", "[]", "[1:2:3]");
  private static final List<String> ADDRESSES =
      List.of("10.0.0.1", "10.0.0.0/8", "192.168.1.0/24", "0.0.0.0/0", "0/0", "1.2.3.4/32",
          "192.168.1.7/24", "10.0.0.0/255.0.0.0", "1.2.3.4,5.6.7.8", "1.2.3.4,1.2.3.4", "10.1",
          "172.16.0.0/12", "255.255.255.255", "127.0.0.1/0");
  private static final List<String> BAD_ADDRESSES =
      List.of("256.1.1.1", "1.2.3.4/33", "10.0.0.0/255.0.255.0", "::1", "", "1.2.3.4,");
  private static final List<String> INTERFACES =
      List.of("eth0", "eth+", "lo", "wan0", "wlan0.100", "+", "a23456789012345", "br-lan");
  private static final List<String> BAD_INTERFACES =
      List.of("a234567890123456", "", "a b", "eth0\"", "a/b", "tab\there", "!", "-j");
  private static final List<String> PROTOCOLS =
      List.of("tcp", "udp", "icmp", "tcp", "udp", "all", "6", "17", "1", "TCP", "sctp", "gre",
          "0");
  private static final List<String> BAD_PROTOCOLS = List.of("256", "foo", "-1", "");
  private static final List<String> PORTS =
      List.of("22", "80:443", ":1024", "1024:", "0", "65535", "ssh", "http:https", "domain",
          "22:22", "53");
  private static final List<String> BAD_PORTS = List.of("65536", "5:3", "-1", "nosuchservice", "", "1:2:3");
  private static final List<String> PORT_LISTS =
      List.of("80,443", "53", "22,80:90,443", "1:65535", "http,https",
          "1,2,3,4,5,6,7,8,9,10,11,12,13,14,15");
  private static final List<String> BAD_PORT_LISTS =
      List.of("80,", "1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16", "9:1", ",");
  private static final List<String> CT_STATES =
      List.of("NEW", "ESTABLISHED,RELATED", "RELATED,ESTABLISHED", "INVALID", "UNTRACKED",
          "NEW,ESTABLISHED", "NEW,NEW");
  private static final List<String> BAD_CT_STATES = List.of("SNAT,DNAT", "new", "FOO", "NEW,", "");
  private static final List<String> TCP_FLAGS =
      List.of("SYN,ACK SYN", "ALL NONE", "FIN,SYN,RST,ACK SYN", "syn,ack syn", "ALL ALL",
          "NONE NONE", "SYN,SYN SYN");
  private static final List<String> BAD_TCP_FLAGS = List.of("SYN FOO", "SYN", "SYN,", "");
  private static final List<String> ICMP_TYPES =
      List.of("echo-request", "echo-reply", "8", "8/0", "3/3", "any", "destination-unreachable",
          "port-unreachable", "255");
  private static final List<String> BAD_ICMP_TYPES = List.of("256", "bogus", "8/", "");
  private static final List<String> REJECT_TYPES =
      List.of("icmp-port-unreachable", "icmp-host-prohibited", "port-unreach",
          "icmp-admin-prohibited", "ICMP-NET-UNREACHABLE");
  private static final List<String> BAD_REJECT_TYPES = List.of("echo-reply", "bogus", "tcp-reset");
  private static final List<String> LOG_LEVELS = List.of("info", "4", "7", "debug", "warn", "emerg");
  private static final List<String> BAD_LOG_LEVELS = List.of("8", "loud", "");
  private static final List<String> TEXTS =
      List.of("ssh from lan", "FW-DROP: ", "allow", "a\"b", "back\\slash", "it's",
          "tab\there", "$HOME", "#hash", "x".repeat(30), "ünïcödé ✓", "-j DROP", "a  b ");
  private static final List<String> BAD_TEXTS = List.of("", "c".repeat(256));
  private static final List<String> VALUES =
      List.of("1", "2", "5", "100", "4294967295", "4294967296", "10:20", "ORIGINAL", "reply",
          "ASSURED", "NONE,SEEN_REPLY", "tcp", "10.0.0.0/8", "eth0", "22", "x", "-", "!");
  private static final List<String> WORDS =
      List.of("!", "-j", "-m", "-p", "-s", "-A", "-t", "--dport", "--comment", "\"", "'", "\\",
          "[0:0]", "ACCEPT", "tcp", "22", "-", "--", "-f", "-c", "COMMIT", "*nat", ":INPUT");
  private static final List<String> SHELL =
      List.of("sudo iptables", "/sbin/iptables", "iptables-nft", "iptables-legacy", "ip6tables",
          "set -e", "#!/bin/sh", "echo hi", "iptables-save", "$IPT", "iptables -L", "iptables -S");

  private final Choices choices;
  private final StringBuilder out = new StringBuilder();
  private boolean inScript;

  private RuleTextGenerator(Choices choices) {
    this.choices = choices;
  }

  /** A rules file of about {@code size} commands; the form is chosen too. */
  static String generate(Choices choices, int size) {
    RuleTextGenerator g = new RuleTextGenerator(choices);
    if (choices.pick(2) == 0) {
      g.saveFile(size);
    } else {
      g.script(size);
    }
    return g.out.toString();
  }

  // ---- iptables-save files -------------------------------------------------------------------

  private void saveFile(int size) {
    if (chance(4)) {
      line("# Generated by iptables-save v1.8.9 (nf_tables)");
    }
    int blocks = 1 + choices.pick(3);
    for (int b = 0; b < blocks; b++) {
      Table table = pickOf(List.of(Table.values()));
      line(chance(30) ? "*" + pickOf(BAD_TABLES) : "*" + table.label());
      List<String> chains = new ArrayList<>();
      for (Hook hook : table.builtinHooks()) {
        if (!chance(4)) {
          chains.add(hook.name());
          line(":" + hook.name() + " " + mostly(List.of("ACCEPT", "DROP"), List.of("-", "RETURN"))
              + " " + (chance(4) ? mostly(COUNTERS, BAD_COUNTERS) : "[0:0]"));
        }
      }
      List<String> users = new ArrayList<>();
      int count = choices.pick(3);
      for (int i = 0; i < count; i++) {
        String name = mostly(USER_CHAINS, BAD_CHAINS);
        users.add(name);
        line(":" + word(name) + " " + mostly(List.of("-"), List.of("ACCEPT")) + " [0:0]");
      }
      chains.addAll(users);
      table.builtinHooks().forEach(h -> chains.add(h.name()));
      int rules = choices.pick(size + 1);
      for (int i = 0; i < rules; i++) {
        String counters = chance(5) ? mostly(COUNTERS, BAD_COUNTERS) + " " : "";
        String command = mostly(List.of("-A"), List.of("-I", "-D", "-R", "-C", "-N", "-F"));
        line(counters + command + " " + word(pickOf(chains)) + rule(jumpTargets(users)));
      }
      if (!chance(20)) {
        line("COMMIT");
      }
    }
  }

  /** The chains a rule may jump to: the user chains, and now and then a wrong name. */
  private List<String> jumpTargets(List<String> users) {
    return chance(20) ? BAD_CHAINS : users;
  }

  // ---- scripts of iptables commands ----------------------------------------------------------

  private void script(int size) {
    inScript = true;
    if (chance(3)) {
      line("#!/bin/sh");
    }
    if (chance(4)) {
      line("set -e");
    }
    Map<Table, List<String>> users = new EnumMap<>(Table.class);
    int commands = 1 + choices.pick(size);
    for (int i = 0; i < commands; i++) {
      Table table = chance(3) ? pickOf(List.of(Table.values())) : Table.FILTER;
      String start = (chance(8) ? "sudo " : "") + "iptables"
          + (table == Table.FILTER && !chance(4) ? "" : " -t " + table.label());
      List<String> own = users.computeIfAbsent(table, t -> new ArrayList<>());
      List<String> chains = new ArrayList<>(own);
      table.builtinHooks().forEach(h -> chains.add(h.name()));
      switch (choices.pick(20)) {
        case 0, 1 -> {
          String name = mostly(USER_CHAINS, BAD_CHAINS);
          own.add(name);
          line(start + " -N " + word(name));
        }
        case 2 -> line(start + " -P " + pickOf(chains) + " "
            + mostly(List.of("DROP", "ACCEPT"), List.of("REJECT", "-", "drop")));
        case 3 -> line(start + " " + pickOf(List.of("-F", "-X", "-Z")) + (chance(2) ? ""
            : " " + pickOf(own.isEmpty() || chance(4) ? chains : own)));
        case 4 -> line(start + (own.isEmpty() ? " -N " + word(mostly(USER_CHAINS, BAD_CHAINS))
            : " -E " + word(own.remove(choices.pick(own.size()))) + " "
                + word(mostly(USER_CHAINS, BAD_CHAINS))));
        case 5 -> line(chance(3) ? pickOf(SHELL) + " " + choices.text(10)
            : "# " + choices.text(20));
        case 6 -> line(start + " " + pickOf(List.of("-I", "-R", "-D")) + " " + word(pickOf(chains))
            + " " + (1 + choices.pick(3)) + (chance(3) ? "" : rule(jumpTargets(own))));
        default -> {
          String rule = rule(jumpTargets(own));
          if (chance(10)) {
            int cut = rule.indexOf(" -", 1);
            if (cut > 0) {
              rule = rule.substring(0, cut) + " \\\n   " + rule.substring(cut);
            }
          }
          line(start + " -A " + word(pickOf(chains)) + rule);
        }
      }
    }
  }

  // ---- rule specifications -------------------------------------------------------------------

  /**
   * A rule specification with a leading space: base options, matches and a target. {@code
   * chains} are the chains a rule may jump to.
   */
  private String rule(List<String> chains) {
    List<String> words = new ArrayList<>();
    if (chance(3)) {
      words.add(maybeNot() + "-s " + mostly(ADDRESSES, BAD_ADDRESSES));
    }
    if (chance(4)) {
      words.add(maybeNot() + "-d " + mostly(ADDRESSES, BAD_ADDRESSES));
    }
    if (chance(4)) {
      words.add(maybeNot() + (chance(2) ? "-i " : "-o ")
          + word(mostly(INTERFACES, BAD_INTERFACES)));
    }
    String protocol = "";
    if (!chance(3)) {
      protocol = chance(4) ? mostly(PROTOCOLS, BAD_PROTOCOLS) : pickOf(List.of("tcp", "udp"));
      words.add((chance(20) ? "! " : "") + (chance(5) ? "--protocol " : "-p ") + protocol);
    }
    if (chance(20)) {
      words.add(maybeNot() + "-f");
    }
    int matches = choices.pick(3);
    for (int i = 0; i < matches; i++) {
      words.add(match(chance(20) ? "tcp" : protocol));
    }
    if (!chance(6)) {
      words.add(target(chains, protocol));
    }
    if (chance(12)) {
      words.add("-c " + choices.pick(100) + " " + choices.pick(10000));
    }
    if (chance(8)) {
      swapTwo(words);
    }
    StringBuilder rule = new StringBuilder();
    for (String w : words) {
      rule.append(' ').append(w);
    }
    return chance(25) ? damage(rule.toString()) : rule.toString();
  }

  /** A match that suits {@code protocol} (as given to {@code -p}, or empty) most of the time. */
  private String match(String protocol) {
    boolean ports = List.of("tcp", "udp", "6", "17").contains(protocol);
    boolean icmp = protocol.equals("icmp") || protocol.equals("1");
    switch (choices.pick(10)) {
      case 0, 1, 2 -> {
        if (icmp) {
          return (chance(2) ? "-m icmp " : "") + maybeNot() + "--icmp-type "
              + mostly(ICMP_TYPES, BAD_ICMP_TYPES);
        }
        if (!ports) {
          return "-m comment --comment " + quoted(mostly(TEXTS, BAD_TEXTS));
        }
        String module = protocol.equals("6") ? "tcp" : protocol.equals("17") ? "udp" : protocol;
        return (chance(2) ? "-m " + module + " " : "") + portOption(module.equals("tcp"));
      }
      case 3 -> {
        if (!ports && !chance(10)) {
          return "-m comment --comment " + quoted(mostly(TEXTS, BAD_TEXTS));
        }
        String option = pickOf(List.of("--dports", "--sports", "--ports", "--destination-ports",
            "--source-ports"));
        return "-m multiport " + maybeNot() + option + " " + mostly(PORT_LISTS, BAD_PORT_LISTS);
      }
      case 4, 5 -> {
        return "-m conntrack " + maybeNot() + "--ctstate " + mostly(CT_STATES, BAD_CT_STATES);
      }
      case 6 -> {
        return "-m state " + maybeNot() + "--state " + mostly(CT_STATES, BAD_CT_STATES);
      }
      case 7, 8 -> {
        return "-m comment --comment " + quoted(mostly(TEXTS, BAD_TEXTS));
      }
      default -> {
        return anyExtension(new ArrayList<>(Extensions.matches()), "-m ");
      }
    }
  }

  private String portOption(boolean tcp) {
    return switch (choices.pick(tcp ? 7 : 3)) {
      case 0 -> maybeNot() + "--dport " + mostly(PORTS, BAD_PORTS);
      case 1 -> maybeNot() + "--sport " + mostly(PORTS, BAD_PORTS);
      case 2 -> maybeNot() + "--dport " + mostly(PORTS, BAD_PORTS) + " " + maybeNot()
          + "--sport " + mostly(PORTS, BAD_PORTS);
      case 3 -> maybeNot() + "--syn";
      case 4, 5 -> maybeNot() + "--tcp-flags " + mostly(TCP_FLAGS, BAD_TCP_FLAGS);
      default -> "--tcp-option " + mostly(List.of("2", "8", "255"), List.of("0", "256"));
    };
  }

  private String target(List<String> chains, String protocol) {
    switch (choices.pick(10)) {
      case 0, 1, 2 -> {
        return "-j " + mostly(List.of("ACCEPT", "DROP", "RETURN"), List.of("QUEUE", "accept"));
      }
      case 3, 4 -> {
        return chains.isEmpty() ? "-j DROP" : (chance(4) ? "-g " : "-j ") + word(pickOf(chains));
      }
      case 5, 6 -> {
        String with = protocol.equals("tcp") && chance(2)
            ? "tcp-reset" : mostly(REJECT_TYPES, BAD_REJECT_TYPES);
        return "-j REJECT" + (chance(3) ? "" : " --reject-with " + with);
      }
      case 7, 8 -> {
        return "-j LOG" + (chance(2) ? " --log-prefix " + quoted(mostly(TEXTS, BAD_TEXTS)) : "")
            + (chance(2) ? " --log-level " + mostly(LOG_LEVELS, BAD_LOG_LEVELS) : "")
            + (chance(4) ? " --log-uid" : "") + (chance(4) ? " --log-tcp-options" : "");
      }
      default -> {
        return anyExtension(new ArrayList<>(Extensions.targets()), "-j ");
      }
    }
  }

  /** Any registered extension with up to two of its options, and values that may fit. */
  private String anyExtension(List<ModuleSpec> specs, String load) {
    if (specs.isEmpty()) {
      return load + "ACCEPT";
    }
    ModuleSpec spec = pickOf(specs);
    StringBuilder words = new StringBuilder(load).append(spec.name());
    int options = Math.min(spec.options().size(), choices.pick(3));
    for (int i = 0; i < options; i++) {
      OptionSpec option = pickOf(spec.options());
      words.append(' ');
      if (option.invertible() && chance(4)) {
        words.append("! ");
      }
      words.append(pickOf(option.spellings()));
      for (int a = 0; a < option.arity(); a++) {
        words.append(' ').append(option.freeText() ? quoted(pickOf(TEXTS)) : value());
      }
    }
    return words.toString();
  }

  private String value() {
    return switch (choices.pick(8)) {
      case 0 -> pickOf(PORTS);
      case 1 -> pickOf(ADDRESSES);
      case 2 -> pickOf(CT_STATES);
      case 3 -> pickOf(PORT_LISTS);
      case 4 -> pickOf(INTERFACES);
      case 5 -> choices.text(12);
      default -> pickOf(VALUES);
    };
  }

  // ---- damage --------------------------------------------------------------------------------

  /** The line with one word dropped, repeated, replaced or a stray word or text inserted. */
  private String damage(String rule) {
    List<String> words = new ArrayList<>(List.of(rule.strip().split(" ")));
    int at = choices.pick(words.size());
    switch (choices.pick(5)) {
      case 0 -> words.remove(at);
      case 1 -> words.add(at, words.get(at));
      case 2 -> words.set(at, pickOf(WORDS));
      case 3 -> words.add(at, pickOf(WORDS));
      default -> words.add(at, choices.text(8));
    }
    return " " + String.join(" ", words);
  }

  private void swapTwo(List<String> words) {
    if (words.size() >= 2) {
      int i = choices.pick(words.size() - 1);
      String w = words.get(i);
      words.set(i, words.get(i + 1));
      words.set(i + 1, w);
    }
  }

  // ---- helpers -------------------------------------------------------------------------------

  private void line(String text) {
    out.append(text).append(chance(25) ? "\r\n" : "\n");
  }

  /** {@code text} as one word: bare when it can be, otherwise quoted. */
  private String word(String text) {
    boolean plain = !text.isEmpty()
        && text.chars().noneMatch(c -> " \t\"'\\$`#|;&<>()".indexOf(c) >= 0);
    return plain ? text : quoted(text);
  }

  /** {@code text} in quotes, as a user would write it in the current form. */
  private String quoted(String text) {
    boolean shellWord = text.contains("$") || text.contains("`");
    if (inScript && (shellWord || chance(4)) && !text.contains("'")) {
      return "'" + text + "'";
    }
    if (chance(6) && text.chars().allMatch(Character::isLetterOrDigit)) {
      return text;
    }
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** Usually one of {@code valid}, now and then one of {@code invalid}. */
  private String mostly(List<String> valid, List<String> invalid) {
    return chance(60) ? pickOf(invalid) : pickOf(valid);
  }

  private String maybeNot() {
    return chance(6) ? "! " : "";
  }

  private boolean chance(int oneIn) {
    return choices.pick(oneIn) == 0;
  }

  private <T> T pickOf(List<T> list) {
    return list.get(choices.pick(list.size()));
  }
}
