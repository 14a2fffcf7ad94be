package org.packetpath.lab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.packetpath.engine.pipeline.Backend;
import org.packetpath.engine.rules.Counters;
import org.packetpath.engine.rules.Table;

/** Both iptables backends on the kernel: the lab really loads with the one asked for. */
class KernelBackendsTest {
  /** security INPUT marks the packet; nat INPUT counts it only if it runs later. */
  private static final String RULES = """
      *security
      :INPUT ACCEPT [0:0]
      -A INPUT -j MARK --set-xmark 0x5/0xffffffff
      COMMIT
      *nat
      :INPUT ACCEPT [0:0]
      -A INPUT -m mark --mark 0x5
      -A INPUT -m conntrack --ctstate NEW
      COMMIT
      """;

  @ParameterizedTest
  @EnumSource(Backend.class)
  void securityRunsBeforeNatInputOnlyWithLegacy(Backend backend) {
    KernelLabTest.requireKernel(backend);
    try (KernelLab lab = KernelLab.start(KernelLabTest.TOPOLOGY, backend)) {
      Load load = lab.load(RULES);
      assertTrue(load.ok(), load.stderr());
      Observation seen = lab.send(KernelLabTest.spec("tcp attacker:40000 > fw:22 SYN in wan0"));
      assertEquals(1, seen.frames().size(), "sshd still answers: " + seen.frames());
      Counters marked = KernelLabTest.rule(seen.counters(), Table.NAT, "INPUT", 1);
      assertEquals(backend == Backend.LEGACY ? new Counters(1, 40) : Counters.ZERO, marked,
          "nat INPUT sees security's mark only when security runs first (legacy, priority 50)");
      assertEquals(new Counters(1, 40),
          KernelLabTest.rule(seen.counters(), Table.NAT, "INPUT", 2));
      String refused = lab.load("*nat\n-A INPUT -j NOSUCHCHAIN\nCOMMIT\n").stderr();
      assertTrue(refused.contains(backend == Backend.NFT
          ? "Chain 'NOSUCHCHAIN' does not exist" : "Couldn't load target `NOSUCHCHAIN'"),
          refused);
    }
  }
}
