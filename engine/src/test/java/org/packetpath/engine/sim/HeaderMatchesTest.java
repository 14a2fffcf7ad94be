package org.packetpath.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.packetpath.engine.trace.Disposition;
import org.packetpath.engine.trace.Trace;

/**
 * The sctp, dccp, ah, esp, ipcomp, ecn and tcpmss matches on simulated packets: ports and the
 * ECN bits as the kernel reads them from the headers; what simulated packets do not carry
 * (chunks, DCCP options, SPIs, TCP options) as {@code SIMULATION.md} says.
 */
class HeaderMatchesTest {
  private static Simulator filter(String... rules) {
    return MatchTesting.firewall("filter", rules);
  }

  /** The rules of filter INPUT {@code packet} matched. */
  private static List<Integer> input(Simulator fw, String packet) {
    return MatchTesting.matched(fw, packet, "filter:INPUT");
  }

  @Test
  void sctpPortsAreReadFromThePacket() {
    Simulator fw = filter("-A FORWARD -p sctp -m sctp --dport 80 -j DROP");
    assertEquals(Disposition.DROPPED, fw.send("sctp attacker:5000 > pc1:80 in wan0")
        .disposition());
    assertEquals(Disposition.FORWARDED, fw.send("sctp attacker:5000 > pc1:81 in wan0")
        .disposition());
    assertEquals(Disposition.FORWARDED, fw.send("udp attacker:5000 > pc1:80 in wan0")
        .disposition(), "the sctp match only takes SCTP packets");
    Simulator ranges = filter("-A INPUT -p sctp -m sctp ! --sport 1:1024 --dport 22:80");
    assertEquals(List.of(1), input(ranges, "sctp attacker:5000 > fw:22 in wan0"));
    assertEquals(List.of(), input(ranges, "sctp attacker:1024 > fw:22 in wan0"));
  }

  @Test
  void sctpPacketsCarryNoChunks() {
    Simulator fw = filter("-A INPUT -p sctp -m sctp --chunk-types any INIT",
        "-A INPUT -p sctp -m sctp ! --chunk-types all DATA");
    assertEquals(List.of(2), input(fw, "sctp attacker:5000 > fw:80 in wan0"));
  }

  @Test
  void dccpPortsTypesAndOptions() {
    Simulator fw = filter("-A INPUT -p dccp -m dccp --dport 70000",
        "-A INPUT -p dccp -m dccp --dccp-types DATA,ACK",
        "-A INPUT -p dccp -m dccp --dccp-types REQUEST",
        "-A INPUT -p dccp -m dccp --dccp-option 1",
        "-A INPUT -p dccp -m dccp ! --dccp-option 1 --sport 5000");
    assertEquals(List.of(1, 2, 5), input(fw, "dccp attacker:5000 > fw:4464 in wan0"), "70000 is port 4464; every packet is a Data packet without options");
    assertEquals(List.of(2), input(fw, "dccp attacker:5001 > fw:4465 in wan0"));
  }

  @Test
  void spiMatchesNeverSeeAnSpi() {
    Simulator fw = filter("-A INPUT -p esp -m esp --espspi 0:4294967294",
        "-A INPUT -p esp -m esp ! --espspi 5", "-A INPUT -p ah -m ah --ahspi 5",
        "-A INPUT -p ah -m ah", "-A INPUT -p ipcomp -m ipcomp");
    assertEquals(List.of(2), input(fw, "esp attacker > fw in wan0"));
    assertEquals(List.of(4), input(fw, "ah attacker > fw in wan0"), "without --ahspi the ah match takes every AH packet");
    assertEquals(List.of(), input(fw, "ipcomp attacker > fw in wan0"), "without --ipcompspi the ipcomp match asks for SPI 0");
  }

  @Test
  void ecnReadsTheLowBitsOfTosAndTheTcpEcnFlags() {
    Simulator fw = filter("-A INPUT -m ecn --ecn-ip-ect 2", "-A INPUT -m ecn ! --ecn-ip-ect 0",
        "-A INPUT -p tcp -m ecn --ecn-tcp-ece --ecn-tcp-cwr",
        "-A INPUT -p tcp -m ecn --ecn-tcp-ece ! --ecn-tcp-cwr");
    assertEquals(List.of(1, 2), MatchTesting.matched(fw.send(MatchTesting.spec(fw,
        "udp attacker:1 > fw:161 in wan0", p -> p.withTos(0xba))), "filter:INPUT"),
        "0xba is DSCP 46 with ECT(0), code point 2");
    assertEquals(List.of(), MatchTesting.matched(fw.send(MatchTesting.spec(fw,
        "udp attacker:1 > fw:161 in wan0", p -> p.withTos(0xb8))), "filter:INPUT"));
    assertEquals(List.of(3), input(fw, "tcp attacker:40000 > fw:80 SYN,ECE,CWR in wan0"));
    assertEquals(List.of(4), input(fw, "tcp attacker:40000 > fw:80 ACK,ECE in wan0"));
    assertEquals(List.of(), input(fw, "tcp attacker:40000 > fw:80 SYN in wan0"));
  }

  @Test
  void aListeningSocketAgreesToEcn() {
    Simulator fw = filter();
    Trace asks = fw.send("tcp attacker:40000 > fw:22 SYN,ECE,CWR in wan0");
    assertEquals("tcp 203.0.113.1:22 > 192.0.2.66:40000 SYN,ACK,ECE",
        asks.generated().get(0).packet().packet().toString());
    Trace half = fw.send("tcp attacker:40001 > fw:22 SYN,ECE in wan0");
    assertEquals("tcp 203.0.113.1:22 > 192.0.2.66:40001 SYN,ACK",
        half.generated().get(0).packet().packet().toString(), "ECN needs both bits in the SYN");
  }

  @Test
  void tcpmssFindsNoMssInPacketsWithoutOptions() {
    Simulator fw = filter("-A INPUT -p tcp -m tcpmss --mss 0:65535",
        "-A INPUT -p tcp -m tcpmss ! --mss 1400");
    assertEquals(List.of(2), input(fw, "tcp attacker:40000 > fw:80 SYN in wan0"));
  }
}
