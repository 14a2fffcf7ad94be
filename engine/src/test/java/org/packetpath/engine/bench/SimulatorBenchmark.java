package org.packetpath.engine.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.packetpath.engine.packet.PacketSpec;
import org.packetpath.engine.packet.PacketSyntax;
import org.packetpath.engine.parse.RulesParser;
import org.packetpath.engine.rules.Ruleset;
import org.packetpath.engine.sim.Simulator;
import org.packetpath.engine.topology.Topology;
import org.packetpath.engine.topology.TopologyParser;
import org.packetpath.engine.trace.Trace;

/**
 * Packets per second through the simulator: the lab's seed scenario (a NAT firewall with a
 * dozen rules) and a generated 5,000-rule ruleset, with and without trace recording. Each
 * operation sends one packet; a mix of new connections from the LAN, replies, and probes from
 * the Internet, with source ports cycling over 2,000 values so the connection table stays
 * bounded, as on a real firewall.
 *
 * <pre>
 * mvn -q -pl :engine -Pbench test-compile exec:exec -Dbench.args="SimulatorBenchmark"
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class SimulatorBenchmark {
  @Param({"seed", "generated-5000"})
  public String ruleset;

  @Param({"true", "false"})
  public boolean recording;

  static final String SEED = """
      *nat
      :PREROUTING ACCEPT [0:0]
      :INPUT ACCEPT [0:0]
      :OUTPUT ACCEPT [0:0]
      :POSTROUTING ACCEPT [0:0]
      -A POSTROUTING -o wan0 -j MASQUERADE
      COMMIT
      *filter
      :INPUT DROP [0:0]
      :FORWARD DROP [0:0]
      :OUTPUT ACCEPT [0:0]
      -A INPUT -i lo -j ACCEPT
      -A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
      -A INPUT -s 198.51.100.0/24 -p tcp --dport 22 -j ACCEPT
      -A INPUT -p tcp -m multiport --dports 22,80,443 -j DROP
      -A INPUT -p icmp --icmp-type echo-request -j ACCEPT
      -A INPUT -j REJECT
      -A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
      -A FORWARD -i lan0 -o wan0 -j ACCEPT
      -A FORWARD -j LOG --log-prefix "fwd-drop: "
      COMMIT
      """;

  private Simulator simulator;
  private List<String> templates;
  private List<PacketSpec> parsed;
  private int next;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    Topology topology;
    try (InputStream in = Topology.class.getResourceAsStream("example.yaml")) {
      topology = TopologyParser.parse("example.yaml",
          new String(in.readAllBytes(), StandardCharsets.UTF_8)).value().orElseThrow();
    }
    String text = ruleset.equals("seed") ? SEED : GeneratedRuleset.text(5000, 42);
    Ruleset rules = RulesParser.parse("bench.rules", text, RulesParser.Format.SAVE).orThrow();
    simulator = Simulator.of(topology, rules).recording(recording);
    templates = List.of(
        "tcp pc1:%d > internet:80 in lan0",
        "tcp internet:80 > 203.0.113.1:%d SYN,ACK in wan0",
        "tcp pc1:%d > internet:80 ACK in lan0",
        "udp pc1:%d > internet:53 in lan0",
        "tcp attacker:%d > fw:22 in wan0",
        "tcp office:%d > fw:22 in wan0",
        "icmp attacker > fw icmp echo-request in wan0",
        "udp attacker:%d > fw:161 in wan0");
    List<PacketSpec> all = new java.util.ArrayList<>();
    for (int n = 0; n < templates.size() * 2000; n++) {
      all.add(packet(n));
    }
    parsed = List.copyOf(all);
  }

  private PacketSpec packet() {
    return packet(next++);
  }

  private PacketSpec packet(int n) {
    String template = templates.get(n % templates.size());
    int port = 20000 + (n / templates.size()) % 2000;
    return PacketSyntax.parse(String.format(template, port), simulator.names());
  }

  /** Parses one packet string and sends it through the firewall. */
  @Benchmark
  public Trace send() {
    return simulator.send(packet());
  }

  /** Sends one packet parsed beforehand: the simulator alone. */
  @Benchmark
  public Trace sendParsed() {
    PacketSpec p = parsed.get(next);
    next = next + 1 == parsed.size() ? 0 : next + 1;
    return simulator.send(p);
  }
}
