package org.packetpath.engine.packet;

import java.util.ArrayList;
import java.util.List;

/** TCP flag bits, as in the TCP header and iptables' {@code --tcp-flags}. */
public final class TcpFlags {
  private TcpFlags() {}

  public static final int FIN = 0x01;
  public static final int SYN = 0x02;
  public static final int RST = 0x04;
  public static final int PSH = 0x08;
  public static final int ACK = 0x10;
  public static final int URG = 0x20;
  /** ECN-Echo, the first of the two ECN bits (RFC 3168); {@code --tcp-flags} cannot name it. */
  public static final int ECE = 0x40;
  /** Congestion Window Reduced, the second ECN bit; {@code --tcp-flags} cannot name it. */
  public static final int CWR = 0x80;

  /** Flag names in header order, as iptables prints them in {@code --tcp-flags}. */
  public static final List<String> NAMES = List.of("FIN", "SYN", "RST", "PSH", "ACK", "URG");

  /** Every flag bit of the header by name, in header order: {@link #NAMES}, then ECE and CWR. */
  public static final List<String> ALL_NAMES =
      List.of("FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR");

  /** {@code SYN,ACK} ({@code SYN,ECE,CWR} with the ECN bits); {@code NONE} for no flags. */
  public static String format(int flags) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < ALL_NAMES.size(); i++) {
      if ((flags & (1 << i)) != 0) {
        names.add(ALL_NAMES.get(i));
      }
    }
    return names.isEmpty() ? "NONE" : String.join(",", names);
  }

  /** The bit of one flag name (upper case, ECE and CWR included), or -1. */
  public static int bit(String name) {
    int i = ALL_NAMES.indexOf(name);
    return i < 0 ? -1 : 1 << i;
  }
}
