package org.packetpath.engine.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
import org.packetpath.engine.sim.Simulator;
import org.packetpath.engine.topology.Topology;
import org.packetpath.engine.topology.TopologyParser;
import org.packetpath.engine.trace.Trace;

/**
 * What one rule a packet passes costs: a packet to the firewall walks {@code rules} rules of
 * filter INPUT that do not match it before the last one accepts it, without trace recording.
 * Run with {@code -prof gc}: the difference in {@code gc.alloc.rate.norm} between 0 and 1,000
 * rules, divided by 1,000, is what each rule passed allocates.
 *
 * <pre>
 * mvn -q -pl :engine -Pbench test-compile exec:exec -Dbench.args="-prof gc RulesPassedBenchmark"
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class RulesPassedBenchmark {
  @Param({"0", "1000"})
  public int rules;

  private Simulator simulator;
  private PacketSpec packet;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    Topology topology;
    try (InputStream in = Topology.class.getResourceAsStream("example.yaml")) {
      topology = TopologyParser.parse("example.yaml",
          new String(in.readAllBytes(), StandardCharsets.UTF_8)).value().orElseThrow();
    }
    StringBuilder text = new StringBuilder("*filter\n:INPUT DROP [0:0]\n");
    for (int i = 0; i < rules; i++) {
      text.append("-A INPUT -s 10.").append(i / 250).append('.').append(i % 250)
          .append(".0/24 -p tcp -m tcp --dport ").append(1 + i).append(" -j DROP\n");
    }
    text.append("-A INPUT -j ACCEPT\nCOMMIT\n");
    simulator = Simulator.of(topology,
        RulesParser.parse("bench.rules", text.toString(), RulesParser.Format.SAVE).orThrow())
        .recording(false);
    packet = PacketSyntax.parse("udp attacker:40000 > fw:53 in wan0", simulator.names());
  }

  @Benchmark
  public Trace send() {
    return simulator.send(packet);
  }
}
