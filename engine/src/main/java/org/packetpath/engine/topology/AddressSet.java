package org.packetpath.engine.topology;

import java.util.List;
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

  /** The set types the simulator knows. */
  public enum Type {
    HASH_IP("hash:ip"),
    HASH_NET("hash:net");

    private final String label;

    Type(String label) {
      this.label = label;
    }

    /** The name ipset uses: {@code hash:ip}. */
    public String label() {
      return label;
    }

    public static Optional<Type> of(String label) {
      for (Type type : values()) {
        if (type.label.equals(label)) {
          return Optional.of(type);
        }
      }
      return Optional.empty();
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
