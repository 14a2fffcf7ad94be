package org.packetpath.engine.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.packetpath.engine.ext.Args;
import org.packetpath.engine.ext.ArgException;
import org.packetpath.engine.net.Ipv4;
import org.packetpath.engine.net.Protocols;
import org.packetpath.engine.packet.Packet;
import org.packetpath.engine.packet.TcpFlags;
import org.packetpath.engine.rules.Match;
import org.packetpath.engine.rules.Option;
import org.packetpath.engine.rules.Rule;
import org.packetpath.engine.topology.Topology;

/**
 * Compiles a rule's base options and matches into one test on a {@link Visit}, once, so the
 * simulator does not re-read option text per packet. Each match module has a compiler here;
 * options are read from their canonical form, which the parser guarantees.
 */
final class Matchers {
  private Matchers() {}

  /**
   * Compiles one match module's options into a test; the topology answers what the rule asks
   * of the firewall (its addresses, routes and sets).
   */
  @FunctionalInterface
  interface ModuleCompiler {
    Predicate<Visit> compile(Match match, Topology topology);
  }

  /** A compiler that needs only the match. */
  private static ModuleCompiler plain(java.util.function.Function<Match, Predicate<Visit>> f) {
    return (m, t) -> f.apply(m);
  }

  private static final Map<String, ModuleCompiler> MODULES = new HashMap<>();

  static {
    MODULES.put("comment", (m, t) -> v -> true);
    MODULES.put("tcp", plain(Matchers::tcpUdp));
    MODULES.put("udp", plain(Matchers::tcpUdp));
    MODULES.put("icmp", plain(Matchers::icmp));
    MODULES.put("multiport", plain(Matchers::multiport));
    MODULES.put("conntrack", plain(ConntrackMatchers::conntrack));
    MODULES.put("state", plain(ConntrackMatchers::state));
    MODULES.putAll(PacketMatchers.all());
    MODULES.putAll(AdvancedMatchers.all());
  }

  /** Registers the compiler of a module; for modules defined outside this class. */
  static void register(String module, ModuleCompiler compiler) {
    MODULES.put(module, compiler);
  }

  /** Whether the simulator can evaluate {@code module}. */
  static boolean knows(String module) {
    return MODULES.containsKey(module);
  }

  /**
   * The test for a whole rule: base options, then the matches in order, each tried only when
   * the ones before it matched, as the kernel does (which matters to matches with state, such as
   * limit). Every match module the parser knows has a compiler here, those it marks as not
   * simulated included (they get the fixed treatment its warning describes); a rule with any
   * other module is a programming error.
   */
  static Predicate<Visit> compile(Rule rule, Topology topology) {
    List<Predicate<Visit>> tests = new ArrayList<>();
    for (Option o : rule.base()) {
      tests.add(base(o));
    }
    for (Match m : rule.matches()) {
      ModuleCompiler c = MODULES.get(m.module());
      if (c == null) {
        throw new IllegalStateException("the simulator cannot evaluate match " + m.module());
      }
      tests.add(c.compile(m, topology));
    }
    return all(tests);
  }

  static Predicate<Visit> all(List<Predicate<Visit>> tests) {
    if (tests.isEmpty()) {
      return v -> true;
    }
    if (tests.size() == 1) {
      return tests.get(0);
    }
    @SuppressWarnings("unchecked")
    Predicate<Visit>[] array = tests.toArray(new Predicate[0]);
    return v -> {
      for (Predicate<Visit> t : array) {
        if (!t.test(v)) {
          return false;
        }
      }
      return true;
    };
  }

  static Predicate<Visit> negate(boolean negated, Predicate<Visit> test) {
    return negated ? test.negate() : test;
  }

  private static Predicate<Visit> base(Option o) {
    Predicate<Visit> test = switch (o.name()) {
      case "-s" -> {
        int[] net = network(o.arg());
        yield v -> (v.packet().source() & net[1]) == net[0];
      }
      case "-d" -> {
        int[] net = network(o.arg());
        yield v -> (v.packet().destination() & net[1]) == net[0];
      }
      case "-i" -> {
        Predicate<String> name = interfaceName(o.arg());
        yield v -> name.test(v.in().orElse(""));
      }
      case "-o" -> {
        Predicate<String> name = interfaceName(o.arg());
        yield v -> name.test(v.out().orElse(""));
      }
      case "-p" -> {
        int protocol = Protocols.number(o.arg()).orElseThrow();
        yield v -> v.packet().protocol() == protocol;
      }
      case "-f" -> v -> false; // fragments are not simulated: every packet is a first fragment
      default -> throw new IllegalStateException("unknown base option " + o.name());
    };
    return negate(o.negated(), test);
  }

  /** {address, mask} of a canonical {@code a.b.c.d/len} or {@code a.b.c.d/netmask}. */
  static int[] network(String canonical) {
    try {
      return Args.networkValue(canonical);
    } catch (ArgException e) {
      throw new IllegalStateException("not canonical: " + canonical, e);
    }
  }

  /** iptables interface names: {@code eth+} matches every name starting with {@code eth}. */
  static Predicate<String> interfaceName(String pattern) {
    if (pattern.endsWith("+")) {
      String prefix = pattern.substring(0, pattern.length() - 1);
      return name -> name.startsWith(prefix);
    }
    return pattern::equals;
  }

  /** A canonical port or range ({@code 22}, {@code 1024:65535}) as {min, max}. */
  static int[] portRange(String canonical) {
    int colon = canonical.indexOf(':');
    if (colon < 0) {
      int p = Integer.parseInt(canonical);
      return new int[] {p, p};
    }
    return new int[] {Integer.parseInt(canonical.substring(0, colon)),
        Integer.parseInt(canonical.substring(colon + 1))};
  }

  private static boolean inRange(int value, int[] range) {
    return value >= range[0] && value <= range[1];
  }

  private static Predicate<Visit> tcpUdp(Match m) {
    List<Predicate<Visit>> tests = new ArrayList<>();
    for (Option o : m.options()) {
      Predicate<Visit> t = switch (o.name()) {
        case "--sport" -> {
          int[] r = portRange(o.arg());
          yield v -> inRange(v.packet().sourcePort(), r);
        }
        case "--dport" -> {
          int[] r = portRange(o.arg());
          yield v -> inRange(v.packet().destinationPort(), r);
        }
        case "--tcp-flags" -> {
          int mask = flags(o.args().get(0));
          int comp = flags(o.args().get(1));
          yield v -> (v.packet().tcpFlags() & mask) == comp;
        }
        case "--tcp-option" -> v -> false; // simulated packets carry no TCP options
        default -> throw new IllegalStateException("unknown tcp/udp option " + o.name());
      };
      tests.add(negate(o.negated(), t));
    }
    int protocol = m.module().equals("tcp") ? Packet.TCP : Packet.UDP;
    tests.add(0, v -> v.packet().protocol() == protocol);
    return all(tests);
  }

  private static int flags(String list) {
    if (list.equals("NONE")) {
      return 0;
    }
    int flags = 0;
    for (String name : list.split(",")) {
      flags |= TcpFlags.bit(name);
    }
    return flags;
  }

  private static Predicate<Visit> icmp(Match m) {
    Optional<Option> type = m.option("--icmp-type");
    Predicate<Visit> isIcmp = v -> v.packet().protocol() == Packet.ICMP;
    if (type.isEmpty()) {
      return isIcmp;
    }
    String arg = type.get().arg();
    Predicate<Visit> t;
    if (arg.equals("any")) {
      t = v -> true;
    } else if (arg.contains("/")) {
      int icmpType = Integer.parseInt(arg.substring(0, arg.indexOf('/')));
      int code = Integer.parseInt(arg.substring(arg.indexOf('/') + 1));
      t = v -> v.packet().icmpType() == icmpType && v.packet().icmpCode() == code;
    } else {
      int icmpType = Integer.parseInt(arg);
      t = v -> v.packet().icmpType() == icmpType;
    }
    return isIcmp.and(negate(type.get().negated(), t));
  }

  private static Predicate<Visit> multiport(Match m) {
    Option o = m.options().get(0);
    List<int[]> ranges = new ArrayList<>();
    for (String part : o.arg().split(",")) {
      ranges.add(portRange(part));
    }
    Predicate<Integer> any = port -> ranges.stream().anyMatch(r -> inRange(port, r));
    Predicate<Visit> t = switch (o.name()) {
      case "--sports" -> v -> any.test(v.packet().sourcePort());
      case "--dports" -> v -> any.test(v.packet().destinationPort());
      default -> v -> any.test(v.packet().sourcePort()) || any.test(v.packet().destinationPort());
    };
    Predicate<Visit> hasPorts = v -> Packet.hasPorts(v.packet().protocol());
    return hasPorts.and(negate(o.negated(), t));
  }

  /** An address test used by conntrack's address options: address/mask without clearing. */
  static Predicate<Integer> addressTest(String canonical) {
    int[] net = network(canonical.contains("/") ? canonical : canonical + "/32");
    return a -> (a & net[1]) == net[0];
  }

  static String format(int address) {
    return Ipv4.format(address);
  }
}
