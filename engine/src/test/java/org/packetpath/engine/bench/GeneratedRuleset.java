package org.packetpath.engine.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A large, realistic ruleset in the form {@code iptables-save} prints it: a stateful filter table
 * whose INPUT and FORWARD chains dispatch into per-service and per-zone user chains, with tcp,
 * udp and icmp matches, multiport, conntrack, state, comments, REJECT and LOG, and a nat table
 * of rules that jump, return or accept (no nat targets yet). The same size and seed always give
 * the same text.
 */
final class GeneratedRuleset {
  private static final String[] SERVICES = {
    "ssh", "web", "mail", "dns", "ntp", "db", "vpn", "mon", "ldap", "smb", "git", "proxy"
  };
  private static final int[] TCP_PORTS = {22, 25, 80, 110, 143, 389, 443, 445, 587, 993, 3306,
    5432, 6379, 8080, 8443, 9418};
  private static final int[] UDP_PORTS = {53, 67, 123, 161, 500, 514, 1194, 4500, 5353};
  private static final String[] ZONES = {"lan", "dmz", "guest", "iot", "mgmt"};

  private final Random random;
  private final StringBuilder out = new StringBuilder();
  /** The rules of the table being written, by chain. */
  private final Map<String, StringBuilder> byChain = new HashMap<>();
  private int rules;

  private GeneratedRuleset(long seed) {
    this.random = new Random(seed);
  }

  /**
   * Writes the ruleset of {@code COUNT} rules to {@code FILE}, for benchmarks run outside the
   * JVM ({@code lab/bench/rules-check}): {@code GeneratedRuleset COUNT SEED FILE}.
   */
  public static void main(String[] args) throws java.io.IOException {
    java.nio.file.Files.writeString(java.nio.file.Path.of(args[2]),
        text(Integer.parseInt(args[0]), Long.parseLong(args[1])));
  }

  /** An iptables-save file with exactly {@code count} rules (at least 200). */
  static String text(int count, long seed) {
    if (count < 200) {
      throw new IllegalArgumentException("at least 200 rules: " + count);
    }
    GeneratedRuleset g = new GeneratedRuleset(seed);
    int natRules = count / 10;
    g.filter(count - natRules);
    g.nat(natRules);
    return g.out.toString();
  }

  private void filter(int count) {
    List<String> services = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      services.add(SERVICES[i % SERVICES.length] + "-" + (i / SERVICES.length + 1));
    }
    List<String> zones = new ArrayList<>();
    for (String zone : ZONES) {
      zones.add(zone + "-in");
      zones.add(zone + "-fwd");
    }
    out.append("*filter\n:INPUT DROP [0:0]\n:FORWARD DROP [0:0]\n:OUTPUT ACCEPT [0:0]\n");
    List<String> user = new ArrayList<>(services);
    user.addAll(zones);
    user.add("log-drop");
    user.add("log-reject");
    user.sort(null);
    for (String chain : user) {
      out.append(':').append(chain).append(" - [0:0]\n");
    }
    int start = rules;
    rule("INPUT", "-i lo -j ACCEPT");
    rule("INPUT", "-m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT");
    rule("INPUT", "-m conntrack --ctstate INVALID -j DROP");
    rule("INPUT", "-p icmp -m icmp --icmp-type 8 -m comment --comment \"allow ping\" -j ACCEPT");
    for (int z = 0; z < ZONES.length; z++) {
      rule("INPUT", "-s 10." + (z + 1) + ".0.0/16 -i " + ZONES[z] + "0 -j " + ZONES[z] + "-in");
      rule("FORWARD", "-s 10." + (z + 1) + ".0.0/16 -i " + ZONES[z] + "0 -j " + ZONES[z] + "-fwd");
    }
    rule("FORWARD", "-m state --state RELATED,ESTABLISHED -j ACCEPT");
    rule("log-drop", "-m comment --comment \"log and drop\" -j LOG --log-prefix \"FW-DROP: \""
        + " --log-level 6");
    rule("log-drop", "-j DROP");
    rule("log-reject", "-p tcp -j REJECT --reject-with tcp-reset");
    rule("log-reject", "-j REJECT --reject-with icmp-port-unreachable");
    int body = count - (rules - start) - 2;
    for (int i = 0; i < body; i++) {
      int kind = random.nextInt(20);
      if (kind < 3) {
        String zone = zones.get(random.nextInt(zones.size()));
        rule(zone, dispatch(services.get(random.nextInt(services.size()))));
      } else if (kind < 5) {
        rule(pick(List.of("INPUT", "FORWARD")), serviceRule());
      } else {
        rule(services.get(random.nextInt(services.size())), serviceRule());
      }
    }
    rule("INPUT", "-j log-drop");
    rule("FORWARD", "-j log-reject");
    flushRules("INPUT", "FORWARD", "OUTPUT");
    out.append("COMMIT\n");
  }

  private void nat(int count) {
    out.append("*nat\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n"
        + ":POSTROUTING ACCEPT [0:0]\n:port-forward - [0:0]\n:no-nat - [0:0]\n");
    int start = rules;
    rule("PREROUTING", "-i wan0 -j port-forward");
    rule("POSTROUTING", "-o wan0 -j no-nat");
    while (rules - start < count) {
      int n = rules - start;
      if (n % 2 == 0) {
        rule("port-forward", "-d 203.0.113." + (1 + n % 250) + "/32 -p tcp -m tcp --dport "
            + (10000 + n) + " -m comment --comment \"forward " + n + "\" -j ACCEPT");
      } else {
        rule("no-nat", "-s 10." + (1 + n % 5) + "." + (n % 250) + ".0/24 -d 192.168."
            + (n % 250) + ".0/24 -j RETURN");
      }
    }
    flushRules("PREROUTING", "INPUT", "OUTPUT", "POSTROUTING");
    out.append("COMMIT\n");
  }

  private String dispatch(String service) {
    return switch (random.nextInt(3)) {
      case 0 -> "-p tcp -m tcp --dport " + pickPort(TCP_PORTS) + " -j " + service;
      case 1 -> "-p udp -m udp --dport " + pickPort(UDP_PORTS) + " -j " + service;
      default -> "-p tcp -m multiport --dports " + pickPort(TCP_PORTS) + ","
          + pickPort(TCP_PORTS) + " -j " + service;
    };
  }

  private String serviceRule() {
    String source = random.nextInt(3) == 0 ? "" : "-s " + network() + " ";
    String comment = random.nextInt(4) == 0
        ? " -m comment --comment \"ticket " + random.nextInt(10000) + "\"" : "";
    return source + switch (random.nextInt(10)) {
      case 0, 1, 2 -> "-p tcp -m tcp --dport " + pickPort(TCP_PORTS)
          + " -m conntrack --ctstate NEW" + comment + " -j ACCEPT";
      case 3 -> "-p udp -m udp --dport " + pickPort(UDP_PORTS) + comment + " -j ACCEPT";
      case 4 -> "-p tcp -m multiport --dports " + pickPort(TCP_PORTS) + "," + pickPort(TCP_PORTS)
          + ",8000:8100" + comment + " -j ACCEPT";
      case 5 -> "-p tcp -m tcp --tcp-flags FIN,SYN,RST,ACK SYN -m state --state NEW" + comment
          + " -j ACCEPT";
      case 6 -> "-p icmp -m icmp --icmp-type 3/4" + comment + " -j ACCEPT";
      case 7 -> "-p tcp -m tcp --dport " + pickPort(TCP_PORTS) + comment
          + " -j REJECT --reject-with tcp-reset";
      case 8 -> "-p udp -m udp --sport 1024:65535 --dport " + pickPort(UDP_PORTS)
          + " -j LOG --log-prefix \"udp-" + random.nextInt(100) + ": \" --log-level 6";
      default -> "-p tcp -m tcp ! --dport " + pickPort(TCP_PORTS) + comment
          + " -j REJECT --reject-with icmp-host-prohibited";
    };
  }

  private String network() {
    int bits = 16 + random.nextInt(17);
    long address = (10L << 24) | ((long) random.nextInt(1 << 24));
    long mask = (0xffffffffL << (32 - bits)) & 0xffffffffL;
    address &= mask;
    return (address >> 24) + "." + ((address >> 16) & 255) + "." + ((address >> 8) & 255) + "."
        + (address & 255) + "/" + bits;
  }

  private int pickPort(int[] ports) {
    return ports[random.nextInt(ports.length)];
  }

  private String pick(List<String> options) {
    return options.get(random.nextInt(options.size()));
  }

  private void rule(String chain, String spec) {
    byChain.computeIfAbsent(chain, c -> new StringBuilder())
        .append("-A ").append(chain).append(' ').append(spec).append('\n');
    rules++;
  }

  /** Appends the rules: built-in chains in {@code builtins} order, then user chains by name. */
  private void flushRules(String... builtins) {
    for (String chain : builtins) {
      StringBuilder rules = byChain.remove(chain);
      if (rules != null) {
        out.append(rules);
      }
    }
    new TreeMap<>(byChain).values().forEach(out::append);
    byChain.clear();
  }
}
