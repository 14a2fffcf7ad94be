package org.packetpath.lab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.packetpath.engine.net.Ipv4;
import org.packetpath.engine.packet.Packet;
import org.packetpath.engine.packet.TcpFlags;

/** Injected segments continue their flow, so that answers fit what they answer. */
class FlowsTest {
  private static int ip(String text) {
    return Ipv4.parse(text).orElseThrow();
  }

  private static final Packet SYN =
      Packet.tcp(ip("10.0.0.2"), 40000, ip("192.0.2.10"), 80, TcpFlags.SYN);
  private static final Packet SYN_ACK = Packet.tcp(ip("192.0.2.10"), 80, ip("203.0.113.1"),
      40000, TcpFlags.SYN | TcpFlags.ACK);

  @Test
  void anAnswerAcknowledgesTheSegmentSeenLeavingTheFirewall() {
    Flows flows = new Flows();
    byte[] syn = Wire.ipv4(SYN, flows);
    flows.saw(syn);
    long isn = Wire.get32(syn, 24) & 0xffffffffL;
    byte[] masqueraded = syn.clone(); // as captured on wan0: same segment, public source
    Wire.put32(masqueraded, 12, ip("203.0.113.1"));
    flows.saw(masqueraded);
    byte[] answer = Wire.ipv4(SYN_ACK, flows);
    assertEquals(isn + 1, Wire.get32(answer, 28) & 0xffffffffL);
  }

  @Test
  void aRepeatedSynIsARetransmissionAndTheNextSegmentFollowsIt() {
    Flows flows = new Flows();
    byte[] first = Wire.ipv4(SYN, flows);
    flows.saw(first);
    byte[] again = Wire.ipv4(SYN, flows);
    assertEquals(Wire.get32(first, 24), Wire.get32(again, 24));
    byte[] ack = Wire.ipv4(Packet.tcp(ip("10.0.0.2"), 40000, ip("192.0.2.10"), 80,
        TcpFlags.ACK), flows);
    assertEquals(Wire.get32(first, 24) + 1, Wire.get32(ack, 24));
  }

  @Test
  void anEchoReplyCarriesTheIdOfItsRequest() {
    Flows flows = new Flows();
    byte[] request = Wire.ipv4(Packet.icmp(ip("203.0.113.1"), ip("192.0.2.10"), 8, 0), flows);
    request[24] = 0x12;
    request[25] = 0x34;
    flows.saw(request);
    byte[] reply = Wire.ipv4(Packet.icmp(ip("192.0.2.10"), ip("203.0.113.1"), 0, 0), flows);
    assertEquals(0x1234, Wire.get16(reply, 24));
  }

  @Test
  void clearForgetsEveryFlow() {
    Flows flows = new Flows();
    flows.saw(Wire.ipv4(SYN, flows));
    flows.clear();
    assertEquals(0, flows.acknowledgement(Packet.tcp(ip("192.0.2.10"), 80, ip("10.0.0.2"),
        40000, TcpFlags.SYN | TcpFlags.ACK)));
  }
}
