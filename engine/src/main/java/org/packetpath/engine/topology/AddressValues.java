package org.packetpath.engine.topology;

import java.util.Optional;
import org.packetpath.engine.net.Ipv4;
import org.packetpath.engine.yaml.YamlFile;
import org.packetpath.engine.yaml.YamlNode.Scalar;

/**
 * The values of a topology file that are addresses, networks and names: read from their
 * scalars, and every mistake reported at its column.
 */
final class AddressValues {
  static final String ADDRESS_HINT =
      "an IPv4 address is four numbers from 0 to 255 separated by dots, like 10.0.0.1";
  private static final String NAME_HINT =
      "a name starts with a letter and holds only letters, digits, - and _";

  private AddressValues() {}

  /** An address with an optional (or required) prefix length, as {address, prefix}. */
  static Optional<int[]> addressAndPrefix(YamlFile file, Scalar s, boolean prefixRequired) {
    String text = s.value();
    int slash = text.indexOf('/');
    Optional<Integer> address = Ipv4.parse(slash < 0 ? text : text.substring(0, slash));
    if (address.isEmpty()) {
      file.error(s.position(), "invalid address \"" + text + "\"", ADDRESS_HINT);
      return Optional.empty();
    }
    if (slash < 0) {
      if (prefixRequired) {
        file.error(s.position(), "address \"" + text + "\" has no prefix length",
            "write the address with the size of its network, like " + text + "/24");
        return Optional.empty();
      }
      return Optional.of(new int[] {address.get(), 32});
    }
    String bits = text.substring(slash + 1);
    if (bits.isEmpty() || bits.length() > 2 || !bits.chars().allMatch(Character::isDigit)
        || Integer.parseInt(bits) > 32) {
      file.error(s.positionAt(slash + 1), "invalid prefix length \"" + bits + "\"",
          "an IPv4 prefix length is a number from 0 to 32");
      return Optional.empty();
    }
    return Optional.of(new int[] {address.get(), Integer.parseInt(bits)});
  }

  /** A single address, without a prefix length. */
  static Optional<Integer> singleAddress(YamlFile file, Scalar s) {
    Optional<Integer> address = Ipv4.parse(s.value());
    if (address.isEmpty()) {
      file.error(s.position(), "invalid address \"" + s.value() + "\"", ADDRESS_HINT);
    }
    return address;
  }

  /**
   * A network whose host part is zero; a plain address is a /32 unless a prefix is required.
   * {@code kernelNote}, if not empty, says what the kernel would answer to a host part.
   */
  static Optional<Network> network(YamlFile file, Scalar s, boolean prefixRequired,
      String kernelNote) {
    return addressAndPrefix(file, s, prefixRequired).flatMap(a -> {
      Network network = Network.of(a[0], a[1]);
      if (network.address() != a[0]) {
        file.error(s.position(), "\"" + s.value() + "\" is not a network address", "its host"
            + " part is not zero: did you mean " + network + "?" + (kernelNote.isEmpty() ? ""
                : " (" + kernelNote + ")"));
        return Optional.empty();
      }
      return Optional.of(network);
    });
  }

  /** Whether {@code s} is a valid name of a host, network, set or firewall; reports why not. */
  static boolean validName(YamlFile file, Scalar s, String what) {
    if (!NamedNetwork.validName(s.value())) {
      file.error(s.position(), "invalid " + what + " \"" + s.value() + "\"", NAME_HINT);
      return false;
    }
    return true;
  }
}
