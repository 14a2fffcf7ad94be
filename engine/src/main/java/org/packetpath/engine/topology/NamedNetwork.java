package org.packetpath.engine.topology;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.packetpath.engine.net.Ipv4;

/**
 * A named host or network around the firewall, and the interface of the firewall it lies behind:
 * packets from it arrive there. A host is a {@code /32} network. {@code sample} is the address
 * that stands for a network in packets written with its name.
 */
public record NamedNetwork(
    String name, Network network, String interfaceName, Optional<Integer> sample) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

  public NamedNetwork {
    if (!validName(name)) {
      throw new IllegalArgumentException("invalid name: " + name);
    }
    Objects.requireNonNull(network, "network");
    if (!Interface.validName(interfaceName)) {
      throw new IllegalArgumentException("invalid interface name: " + interfaceName);
    }
    Objects.requireNonNull(sample, "sample");
    sample.filter(s -> !network.contains(s)).ifPresent(s -> {
      throw new IllegalArgumentException("sample outside " + network);
    });
  }

  /** A host: one address. */
  public static NamedNetwork host(String name, int address, String interfaceName) {
    return new NamedNetwork(name, Network.host(address), interfaceName, Optional.empty());
  }

  /**
   * Whether {@code name} can name a host, a network or the firewall: a letter, then letters,
   * digits, {@code -} and {@code _}, so that it never looks like an address.
   */
  public static boolean validName(String name) {
    return NAME.matcher(name).matches();
  }

  public boolean isHost() {
    return network.prefix() == 32;
  }

  /** As a learner would read it: {@code internet 0.0.0.0/0 behind wan0, sample 192.0.2.10}. */
  @Override
  public String toString() {
    String where = isHost() ? Ipv4.format(network.address()) : network.toString();
    return name + " " + where + " behind " + interfaceName
        + sample.map(s -> ", sample " + Ipv4.format(s)).orElse("");
  }
}
