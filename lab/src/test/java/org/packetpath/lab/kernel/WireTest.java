package org.packetpath.lab.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.packetpath.engine.net.Ipv4;
import org.packetpath.engine.packet.Packet;
import org.packetpath.engine.packet.TcpFlags;

/** The bytes the kernel lab puts on the wire, and how it reads captured ones back. */
class WireTest {
  private static int ip(String text) {
    return Ipv4.parse(text).orElseThrow();
  }

  private static final Packet SYN =
      Packet.tcp(ip("192.0.2.66"), 40000, ip("203.0.113.1"), 22, TcpFlags.SYN);

  /** The checksum of data with its checksum field filled in is 0. */
  private static void assertChecksumsHold(byte[] packet) {
    assertEquals(0, Wire.checksum(packet, 0, 20, 0), "IPv4 header checksum");
  }

  @Test
  void aTcpSegmentHasExactlyTheHeaderFieldsOfThePacket() {
    byte[] bytes = Wire.ipv4(SYN.withTtl(7).withTos(0x10), new Flows());
    assertEquals(40, bytes.length);
    assertChecksumsHold(bytes);
    assertEquals(7, bytes[8]);
    assertEquals(0x10, bytes[1]);
    assertEquals(0x50, bytes[32], "data offset 5: no TCP options");
    assertEquals(TcpFlags.SYN, bytes[33]);
    assertEquals(Optional.of(SYN.withTtl(7).withTos(0x10)), Wire.parse(bytes));
  }

  @Test
  void transportChecksumsAreRight() {
    byte[] tcp = Wire.ipv4(SYN, new Flows());
    long pseudo = Wire.get16(tcp, 12) + Wire.get16(tcp, 14) + Wire.get16(tcp, 16)
        + Wire.get16(tcp, 18) + 6 + 20;
    assertEquals(0, Wire.checksum(tcp, 20, 20, pseudo));
    byte[] icmp = Wire.ipv4(Packet.icmp(ip("10.0.0.2"), ip("10.0.0.1"), 8, 0), new Flows());
    assertEquals(0, Wire.checksum(icmp, 20, 8, 0));
  }

  @Test
  void anIcmpErrorCarriesThePacketItReportsOn() {
    Packet about = Packet.udp(ip("203.0.113.1"), 40020, ip("192.0.2.10"), 9).withTtl(63);
    Packet error = Packet.icmp(ip("192.0.2.10"), ip("203.0.113.1"), 3, 3).withLength(56)
        .withEmbedded(Optional.of(about));
    byte[] bytes = Wire.ipv4(error, new Flows());
    assertEquals(56, bytes.length);
    assertChecksumsHold(bytes);
    assertEquals(0, Wire.checksum(bytes, 28, 20, 0), "the embedded header's checksum");
    assertEquals(Optional.of(error), Wire.parse(bytes));
  }

  @Test
  void aLongerPacketIsPaddedAndItsUdpLengthSaysSo() {
    Packet big = Packet.udp(ip("10.0.0.2"), 5353, ip("10.0.0.1"), 53).withLength(100);
    byte[] bytes = Wire.ipv4(big, new Flows());
    assertEquals(100, bytes.length);
    assertEquals(80, Wire.get16(bytes, 24));
    assertEquals(Optional.of(big), Wire.parse(bytes));
  }

  @Test
  void framesCarryTheIpPacketAfterAnEthernetHeader() {
    byte[] ip = Wire.ipv4(SYN, new Flows());
    byte[] frame = Wire.ethernet(Wire.mac("52:54:00:00:00:01"), Wire.mac("02:70:70:01:00:01"),
        ip);
    assertEquals("525400000001027070010001" + "0800", Wire.hex(frame).substring(0, 28));
    assertArrayEquals(ip, Wire.ipOf(frame).orElseThrow());
    byte[] arp = frame.clone();
    arp[12] = 0x08;
    arp[13] = 0x06;
    assertEquals(Optional.empty(), Wire.ipOf(arp));
  }

  @Test
  void otherProtocolsCarryTheirHeaderWithPortsAndChecksums() {
    Packet sctp = Packet.other(Packet.SCTP, ip("192.0.2.10"), 5000, ip("10.0.0.2"), 80);
    byte[] s = Wire.ipv4(sctp, new Flows());
    assertEquals(32, s.length);
    assertEquals(132, s[9] & 0xff);
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    byte[] zeroed = s.clone();
    java.util.Arrays.fill(zeroed, 28, 32, (byte) 0);
    crc.update(zeroed, 20, 12);
    assertEquals(crc.getValue(), Integer.toUnsignedLong(Integer.reverseBytes(Wire.get32(s, 28))),
        "CRC32c, least significant byte first");
    assertEquals(Optional.of(sctp), Wire.parse(s));
    Packet udplite = Packet.other(Packet.UDPLITE, ip("192.0.2.10"), 5000, ip("10.0.0.2"), 80);
    byte[] u = Wire.ipv4(udplite, new Flows());
    long pseudo = Wire.get16(u, 12) + Wire.get16(u, 14) + Wire.get16(u, 16) + Wire.get16(u, 18)
        + 136 + 8;
    assertEquals(0, Wire.get16(u, 24), "checksum coverage 0: the whole datagram");
    assertEquals(0, Wire.checksum(u, 20, 8, pseudo));
    byte[] d = Wire.ipv4(Packet.other(Packet.DCCP, ip("192.0.2.10"), 1, ip("10.0.0.2"), 2),
        new Flows());
    assertEquals(36, d.length);
    assertEquals(4, d[24], "data offset: 16 bytes");
    assertEquals(0x05, d[28], "a Data packet with extended sequence numbers");
    byte[] gre = Wire.ipv4(Packet.other(47, ip("192.0.2.10"), ip("10.0.0.2")), new Flows());
    assertEquals(20, gre.length);
    assertChecksumsHold(gre);
  }
}
