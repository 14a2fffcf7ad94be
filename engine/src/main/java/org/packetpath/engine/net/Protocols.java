package org.packetpath.engine.net;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** IP protocol names and numbers, as in {@code /etc/protocols}. */
public final class Protocols {
  private Protocols() {}

  private static final String TABLE =
      "ip 0 icmp 1 igmp 2 ggp 3 ipencap 4 st 5 tcp 6 egp 8 igp 9 pup 12 udp 17 hmp 20"
          + " xns-idp 22 rdp 27 iso-tp4 29 dccp 33 xtp 36 ddp 37 idpr-cmtp 38 ipv6 41"
          + " ipv6-route 43 ipv6-frag 44 idrp 45 rsvp 46 gre 47 esp 50 ah 51 skip 57"
          + " ipv6-icmp 58 ipv6-nonxt 59 ipv6-opts 60 rspf 73 vmtp 81 eigrp 88 ospf 89"
          + " ax.25 93 ipip 94 etherip 97 encap 98 pim 103 ipcomp 108 vrrp 112 l2tp 115"
          + " isis 124 sctp 132 fc 133 mobility-header 135 udplite 136 mpls-in-ip 137"
          + " manet 138 hip 139 shim6 140 wesp 141 rohc 142 ethernet 143";

  private static final Map<String, Integer> BY_NAME = new HashMap<>();
  private static final Map<Integer, String> BY_NUMBER = new HashMap<>();

  static {
    String[] words = TABLE.split(" ");
    for (int i = 0; i < words.length; i += 2) {
      int number = Integer.parseInt(words[i + 1]);
      BY_NAME.put(words[i], number);
      BY_NUMBER.putIfAbsent(number, words[i]);
    }
    BY_NAME.put("all", 0);
    BY_NAME.put("icmpv6", 58);
    BY_NAME.put("mh", 135);
  }

  /** The protocol number for a name (any case) or a decimal number 0..255. */
  public static Optional<Integer> number(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (!lower.isEmpty() && lower.length() <= 3 && allDigits(lower)) {
      int n = Integer.parseInt(lower);
      return n <= 255 ? Optional.of(n) : Optional.empty();
    }
    return Optional.ofNullable(BY_NAME.get(lower));
  }

  private static boolean allDigits(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (!Character.isDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The name a packet of this protocol is written with: its name, or the number for a protocol
   * without one and for 0 (whose names, {@code ip} and {@code all}, mean any protocol in rules).
   */
  public static String packetName(int number) {
    String name = number == 0 ? null : BY_NUMBER.get(number);
    return name != null ? name : Integer.toString(number);
  }

  /** The name iptables-save prints for a protocol number: its name, or the number. */
  public static String canonicalName(int number) {
    if (number == 0) {
      return "all";
    }
    String name = BY_NUMBER.get(number);
    return name != null ? name : Integer.toString(number);
  }
}
