package org.packetpath.engine.topology;

import java.util.Optional;
import org.packetpath.engine.net.Ipv4;

/**
 * An IPv4 network: an address whose host part is zero, and a prefix length 0..32. A single
 * address is a {@code /32} network.
 */
public record Network(int address, int prefix) {
  /** Every address: what a default route leads to. */
  public static final Network ANY = new Network(0, 0);

  public Network {
    if (prefix < 0 || prefix > 32) {
      throw new IllegalArgumentException("prefix length out of range: " + prefix);
    }
    if ((address & ~Ipv4.mask(prefix)) != 0) {
      throw new IllegalArgumentException("host bits set: " + Ipv4.format(address) + "/" + prefix);
    }
  }

  /** The network of {@code address} with {@code prefix} bits, clearing the host part. */
  public static Network of(int address, int prefix) {
    return new Network(address & Ipv4.mask(prefix), prefix);
  }

  /** The single address as a {@code /32} network. */
  public static Network host(int address) {
    return new Network(address, 32);
  }

  /** Reads {@code a.b.c.d/n}, or {@code a.b.c.d} as a {@code /32}; host bits must be zero. */
  public static Optional<Network> parse(String text) {
    int slash = text.indexOf('/');
    Optional<Integer> address = Ipv4.parse(slash < 0 ? text : text.substring(0, slash));
    if (address.isEmpty()) {
      return Optional.empty();
    }
    int prefix = 32;
    if (slash >= 0) {
      String bits = text.substring(slash + 1);
      if (bits.isEmpty() || bits.length() > 2 || !bits.chars().allMatch(Character::isDigit)
          || Integer.parseInt(bits) > 32) {
        return Optional.empty();
      }
      prefix = Integer.parseInt(bits);
    }
    int mask = Ipv4.mask(prefix);
    return (address.get() & ~mask) == 0
        ? Optional.of(new Network(address.get(), prefix))
        : Optional.empty();
  }

  public boolean contains(int other) {
    return (other & Ipv4.mask(prefix)) == address;
  }

  /** Whether every address of {@code other} is in this network. */
  public boolean contains(Network other) {
    return other.prefix >= prefix && contains(other.address);
  }

  /** How many addresses the network holds. */
  public long size() {
    return 1L << (32 - prefix);
  }

  /** The last address of the network: its broadcast address when there is a host part. */
  public int last() {
    return address | ~Ipv4.mask(prefix);
  }

  @Override
  public String toString() {
    return Ipv4.format(address) + "/" + prefix;
  }
}
