package org.packetpath.engine.topology;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An ipset the rules can match with {@code -m set --match-set NAME src}: {@code hash:ip} holds
 * addresses, {@code hash:net} networks. A {@code hash:ip} member written as a network stands for
 * each of its addresses, as {@code ipset add} expands it.
 */
public record AddressSet(String name, Type type, List<Network> members) {
  /** The longest set name ipset accepts. */
  public static final int MAX_NAME = 31;

  /** The set types the simulator knows, named as ipset names them in lower case. */
  public enum Type {
    HASH_IP,
    HASH_NET;

    /** The name ipset uses: {@code hash:ip}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', ':');
    }

    public static Optional<Type> of(String label) {
      return Arrays.stream(values()).filter(t -> t.label().equals(label)).findFirst();
    }
  }

  public AddressSet {
    if (!NamedNetwork.validName(name) || name.length() > MAX_NAME) {
      throw new IllegalArgumentException("invalid set name: " + name);
    }
    Objects.requireNonNull(type, "type");
    members = List.copyOf(members);
  }

  /** Whether {@code address} is a member, or in a member network. */
  public boolean contains(int address) {
    return members.stream().anyMatch(m -> m.contains(address));
  }
}
