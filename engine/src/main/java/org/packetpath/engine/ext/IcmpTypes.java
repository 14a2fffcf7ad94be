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
    whole(0, "echo-reply");
    whole(3, "destination-unreachable");
    codes(3, 0, "network-unreachable", "host-unreachable", "protocol-unreachable",
        "port-unreachable", "fragmentation-needed", "source-route-failed", "network-unknown",
        "host-unknown");
    codes(3, 9, "network-prohibited", "host-prohibited", "TOS-network-unreachable",
        "TOS-host-unreachable", "communication-prohibited", "host-precedence-violation",
        "precedence-cutoff");
    whole(4, "source-quench");
    whole(5, "redirect");
    codes(5, 0, "network-redirect", "host-redirect", "TOS-network-redirect", "TOS-host-redirect");
    whole(8, "echo-request");
    whole(9, "router-advertisement");
    whole(10, "router-solicitation");
    whole(11, "time-exceeded", "ttl-exceeded");
    codes(11, 0, "ttl-zero-during-transit", "ttl-zero-during-reassembly");
    whole(12, "parameter-problem");
    codes(12, 0, "ip-header-bad", "required-option-missing");
    whole(13, "timestamp-request");
    whole(14, "timestamp-reply");
    whole(17, "address-mask-request");
    whole(18, "address-mask-reply");
  }

  /** Names that cover every code of {@code type}. */
  private static void whole(int type, String... names) {
    for (String name : names) {
      BY_NAME.put(name, new IcmpType(name, type, -1));
    }
  }

  /** Names of the codes of {@code type} from {@code firstCode} on, one code each. */
  private static void codes(int type, int firstCode, String... names) {
    for (int i = 0; i < names.length; i++) {
      BY_NAME.put(names[i], new IcmpType(names[i], type, firstCode + i));
    }
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
