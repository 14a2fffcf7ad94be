package org.packetpath.engine.ext;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** ICMP type names, as iptables' icmp match knows them, and their type/code numbers. */
public final class IcmpTypes {
  private IcmpTypes() {}

  /** A named ICMP type: {@code code} is -1 when the name covers every code of the type. */
  public record IcmpType(String name, int type, int code) {}

  private static final Map<String, IcmpType> BY_NAME = new LinkedHashMap<>();

  static {
    add("echo-reply", 0, -1);
    add("destination-unreachable", 3, -1);
    add("network-unreachable", 3, 0);
    add("host-unreachable", 3, 1);
    add("protocol-unreachable", 3, 2);
    add("port-unreachable", 3, 3);
    add("fragmentation-needed", 3, 4);
    add("source-route-failed", 3, 5);
    add("network-unknown", 3, 6);
    add("host-unknown", 3, 7);
    add("network-prohibited", 3, 9);
    add("host-prohibited", 3, 10);
    add("TOS-network-unreachable", 3, 11);
    add("TOS-host-unreachable", 3, 12);
    add("communication-prohibited", 3, 13);
    add("host-precedence-violation", 3, 14);
    add("precedence-cutoff", 3, 15);
    add("source-quench", 4, -1);
    add("redirect", 5, -1);
    add("network-redirect", 5, 0);
    add("host-redirect", 5, 1);
    add("TOS-network-redirect", 5, 2);
    add("TOS-host-redirect", 5, 3);
    add("echo-request", 8, -1);
    add("router-advertisement", 9, -1);
    add("router-solicitation", 10, -1);
    add("time-exceeded", 11, -1);
    add("ttl-exceeded", 11, -1);
    add("ttl-zero-during-transit", 11, 0);
    add("ttl-zero-during-reassembly", 11, 1);
    add("parameter-problem", 12, -1);
    add("ip-header-bad", 12, 0);
    add("required-option-missing", 12, 1);
    add("timestamp-request", 13, -1);
    add("timestamp-reply", 14, -1);
    add("address-mask-request", 17, -1);
    add("address-mask-reply", 18, -1);
  }

  private static void add(String name, int type, int code) {
    BY_NAME.put(name, new IcmpType(name, type, code));
  }

  /** The type a name stands for (case-insensitive), if iptables knows it. */
  public static Optional<IcmpType> byName(String name) {
    for (IcmpType t : BY_NAME.values()) {
      if (t.name().equalsIgnoreCase(name)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /**
   * The canonical {@code --icmp-type} argument: {@code any}, {@code TYPE} or {@code TYPE/CODE}.
   */
  static String canonical(String text) throws ArgException {
    if (text.equalsIgnoreCase("any")) {
      return "any";
    }
    Optional<IcmpType> named = byName(text);
    if (named.isPresent()) {
      IcmpType t = named.get();
      return t.code() < 0 ? Integer.toString(t.type()) : t.type() + "/" + t.code();
    }
    int slash = text.indexOf('/');
    String type = slash < 0 ? text : text.substring(0, slash);
    Optional<Long> typeNumber = Args.unsigned(type).filter(n -> n <= 255);
    if (typeNumber.isEmpty()) {
      throw unknown(text);
    }
    if (slash < 0) {
      return Long.toString(typeNumber.get());
    }
    Optional<Long> code = Args.unsigned(text.substring(slash + 1)).filter(n -> n <= 255);
    if (code.isEmpty()) {
      throw unknown(text);
    }
    return typeNumber.get() + "/" + code.get();
  }

  private static ArgException unknown(String text) {
    return new ArgException("Unknown ICMP type `" + text + "'")
        .explained(
            "use a name such as echo-request or port-unreachable, or a number TYPE[/CODE] up to 255");
  }
}
